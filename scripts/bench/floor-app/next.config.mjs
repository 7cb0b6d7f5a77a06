/**
 * The floor of `npm run bench`: the smallest honest Next app, built from the portal's own
 * node_modules, so each page row can be read against what the framework itself costs.
 */
const config = { poweredByHeader: false };
export default config;
