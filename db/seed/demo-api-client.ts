/**
 * The demo's API credentials, published on /developers and in the README so the API's quick start
 * works when pasted against the demo: Rita's case-management software, with production rights
 * (sandbox credentials see no real case), and the case of Rita's client that the quick start
 * reads. Like the demo accounts' shared password, they live only in a demo store: `npm start` adds
 * them to the embedded store when it is empty, a Postgres store gets them only from an explicit
 * `npm run db:seed`. The secret is stored as a keyed hash, like any other.
 */
import type { DemoAccountKey } from './demo-accounts';

export const DEMO_API_CLIENT = {
  account: 'rita' satisfies DemoAccountKey,
  name: 'Demo case-management software',
  environment: 'production',
  clientId: 'live_demo_rita',
  secret: 'sec_demo_only_published_never_use_outside_the_demo',
} as const;

/** Miguel Hernández's N-400, one of Rita's clients' cases: the one the quick start reads. */
export const DEMO_API_RECEIPT = 'IOE0123456789';
