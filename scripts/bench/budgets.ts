/**
 * Payload budgets, reported by `npm run bench` and held by the journeys (e2e/dashboard.spec.ts,
 * e2e/home.spec.ts).
 */

/** A page of the representative dashboard (25 clients): its HTML with the inline payload that repeats it. */
export const DASHBOARD_PAGE_BUDGET_BYTES = 60_000;

/** The home page may send at most this much more JavaScript (gzip) than the bare framework does. */
export const HOME_JS_OVER_FLOOR_BUDGET_BYTES = 10_000;

/**
 * What the bare framework sends (gzip, without the `nomodule` polyfill), as the bench's floor app
 * measures it with the installed Next (134.8 kB for Next 16.4). The journeys cannot build the floor
 * app, so they hold the home page to this figure; the bench compares with the live one.
 */
export const FRAMEWORK_JS_GZIP_BYTES = 134_800;
