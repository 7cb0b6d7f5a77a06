import { describe, expect, it } from 'vitest';
import { seedsDemoDataOnStart } from './index';

describe('demo data on npm start', () => {
  it('goes only into the embedded store; Postgres gets it only from npm run db:seed', () => {
    expect(seedsDemoDataOnStart('sqlite')).toBe(true);
    expect(seedsDemoDataOnStart('pg')).toBe(false);
  });
});
