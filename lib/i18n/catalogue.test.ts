import { describe, expect, it } from 'vitest';
import { loadMessages } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
}

describe('message catalogue', () => {
  const en = loadMessages('en');
  const es = loadMessages('es');

  it('has every English key in Spanish and no Spanish key missing in English', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('has no empty message', () => {
    for (const catalogue of [en, es]) {
      for (const key of keys(catalogue)) {
        const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      const get = (c: unknown) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as string;
      expect(placeholders(get(es)), key).toEqual(placeholders(get(en)));
    }
  });
});
