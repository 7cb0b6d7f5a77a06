import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLIENTS_PER_PAGE, pageOfClients, parseCaseListQuery } from './case-list-query';
import type { ClientGroup } from './case-views';

const clients = (n: number): ClientGroup[] =>
  Array.from({ length: n }, (_, i) => ({ key: `client-${i}`, givenName: 'Client', familyName: String(i).padStart(4, '0'), cases: [], actionCount: 0 }));

describe('reading the dashboard address', () => {
  it('keeps a search, a form type, a status and a page', () => {
    const query = parseCaseListQuery({ q: '  Quintero ', form: 'I-485', status: 'action_required', page: '3' });
    expect(query.filters).toEqual({ query: 'Quintero', formType: 'I-485', status: 'action_required' });
    expect(query.page).toBe(3);
    for (const status of ['pending', 'approved', 'denied', 'withdrawn', 'action_required']) {
      expect(parseCaseListQuery({ status }).filters.status).toBe(status);
    }
    for (const form of ['N-400', 'I-90', 'I-134A', 'I-600A', 'I-821D']) expect(parseCaseListQuery({ form }).filters.formType, form).toBe(form);
  });

  it('starts at the first page with no filters when the address has none', () => {
    const query = parseCaseListQuery({});
    expect(query.filters).toEqual({ query: undefined, formType: undefined, status: undefined });
    expect(query.page).toBe(1);
    expect(query.withPage(1)).toBe('page=1');
  });

  it('ignores values that are not ours rather than refusing the page', () => {
    for (const status of ['PENDING', 'open', '', ' pending', '__proto__', 'constructor', 'toString', "pending' OR 1=1"]) {
      expect(parseCaseListQuery({ status }).filters.status, status).toBeUndefined();
    }
    for (const form of ['i-485', 'I485', 'I-485; DROP TABLE cases', 'I-48500', '<script>', 'IJ-485', '']) {
      expect(parseCaseListQuery({ form }).filters.formType, form).toBeUndefined();
    }
    expect(parseCaseListQuery({ q: '   ' }).filters.query).toBeUndefined();
  });

  it('keeps searches to 100 characters', () => {
    expect(parseCaseListQuery({ q: 'a'.repeat(10_000) }).filters.query).toBe('a'.repeat(100));
  });

  it('takes the first value when a parameter is repeated', () => {
    const query = parseCaseListQuery({ q: ['Luna', 'Sol'], form: ['I-765', 'I-485'], status: ['denied', 'pending'], page: ['2', '9'] });
    expect(query.filters).toEqual({ query: 'Luna', formType: 'I-765', status: 'denied' });
    expect(query.page).toBe(2);
    expect(parseCaseListQuery({ q: [], page: [] })).toMatchObject({ filters: { query: undefined }, page: 1 });
  });

  it('reads any page that is not a whole number of at least 1 as the first', () => {
    for (const page of ['0', '-1', '1.5', 'abc', '', ' ', 'Infinity', 'NaN', '1e400', '99999999999999999999', '0x', undefined]) {
      expect(parseCaseListQuery({ page }).page, String(page)).toBe(1);
    }
    expect(parseCaseListQuery({ page: '7' }).page).toBe(7);
    expect(parseCaseListQuery({ page: ' 4 ' }).page).toBe(4);
  });

  it('links to other pages of the same search', () => {
    const query = parseCaseListQuery({ q: 'Núñez & hijos', form: 'I-765', status: 'pending', page: '1', extra: 'x' });
    const params = new URLSearchParams(query.withPage(2));
    expect(Object.fromEntries(params)).toEqual({ q: 'Núñez & hijos', form: 'I-765', status: 'pending', page: '2' });
    // Values that were ignored are not carried to the next page.
    expect(parseCaseListQuery({ form: 'bogus', status: 'bogus', page: '2' }).withPage(3)).toBe('page=3');
  });

  it('never throws on any address, and only ever keeps values of ours', () => {
    const value = fc.oneof(fc.constant(undefined), fc.string(), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.record({ q: value, form: value, status: value, page: value }), (address) => {
        const { filters, page, withPage } = parseCaseListQuery(address);
        expect(Number.isSafeInteger(page) && page >= 1).toBe(true);
        if (filters.status) expect(['pending', 'approved', 'denied', 'withdrawn', 'action_required']).toContain(filters.status);
        if (filters.formType) expect(filters.formType).toMatch(/^[A-Z]-\d{1,4}[A-Z]?$/);
        if (filters.query !== undefined) expect(filters.query.length > 0 && filters.query.length <= 100).toBe(true);
        expect(new URLSearchParams(withPage(page)).get('page')).toBe(String(page));
      }),
    );
  });
});

describe('a page of clients', () => {
  it(`shows ${CLIENTS_PER_PAGE} clients a page and says which`, () => {
    expect(CLIENTS_PER_PAGE).toBe(25);
    const all = clients(60);
    expect(pageOfClients(all, 1)).toMatchObject({ page: 1, pages: 3, from: 1, to: 25 });
    expect(pageOfClients(all, 1).clients.map((c) => c.key)).toEqual(all.slice(0, 25).map((c) => c.key));
    expect(pageOfClients(all, 2)).toMatchObject({ page: 2, pages: 3, from: 26, to: 50 });
    const last = pageOfClients(all, 3);
    expect(last).toMatchObject({ page: 3, pages: 3, from: 51, to: 60 });
    expect(last.clients.map((c) => c.key)).toEqual(all.slice(50).map((c) => c.key));
  });

  it('shows the last page when asked for one beyond it', () => {
    expect(pageOfClients(clients(60), 99)).toMatchObject({ page: 3, pages: 3, from: 51, to: 60 });
    expect(pageOfClients(clients(25), 2)).toMatchObject({ page: 1, pages: 1, from: 1, to: 25 });
    expect(pageOfClients(clients(26), 2)).toMatchObject({ page: 2, pages: 2, from: 26, to: 26 });
  });

  it('has one empty page when there are no clients', () => {
    expect(pageOfClients([], 1)).toEqual({ page: 1, pages: 1, clients: [], from: 0, to: 0 });
    expect(pageOfClients([], 5)).toEqual({ page: 1, pages: 1, clients: [], from: 0, to: 0 });
  });

  it('shows every client exactly once across the pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        const all = clients(n);
        const first = pageOfClients(all, 1);
        const shown = Array.from({ length: first.pages }, (_, i) => pageOfClients(all, i + 1));
        expect(shown.flatMap((p) => p.clients.map((c) => c.key))).toEqual(all.map((c) => c.key));
        for (const p of shown) {
          expect(p.clients.length).toBeLessThanOrEqual(CLIENTS_PER_PAGE);
          expect(p.to - p.from + 1).toBe(n === 0 ? 1 : p.clients.length);
        }
      }),
    );
  });
});
