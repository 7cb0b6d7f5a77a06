/**
 * Versioning of the API (spec §9): everything lives under `/api/v1`, and a breaking change only
 * ever comes in a new version. An operation of v1 that will go away is announced first: its answers
 * carry `Deprecation` (RFC 9745: the moment it was deprecated, as `@<unix seconds>`), `Sunset`
 * (RFC 8594: the HTTP date after which it may stop answering) and a `Link` to the changelog entry
 * that says what to use instead. Each is listed here, by operation id, with the changelog.
 */
export interface Deprecation {
  deprecatedAt: Date;
  sunsetAt: Date;
  /** Where the changelog explains it (a path of the portal). */
  link: string;
}

export interface ChangelogEntry {
  /** YYYY-MM-DD */
  on: string;
  change: string;
}

/** What changed in v1, newest first: additions only, or deprecations announced with their sunset. */
export const API_CHANGELOG: readonly ChangelogEntry[] = [
  {
    on: '2026-12-04',
    change:
      'Linked cases with cursor pagination, a case’s myProgress estimate, batch linking of up to 100 cases, appointment requests, biometrics (eligibility, centres, open times, reschedule), callbacks, the sandbox with its scenarios, and Idempotency-Key on every POST.',
  },
  { on: '2026-12-02', change: 'Version 1: client credentials, tokens and a case with its status history.' },
];

/** Operations of v1 on their way out. None yet. */
export const DEPRECATIONS: Readonly<Record<string, Deprecation>> = {};

export function deprecationHeaders(operationId: string, deprecations: Readonly<Record<string, Deprecation>> = DEPRECATIONS): Record<string, string> {
  const deprecation = deprecations[operationId];
  if (!deprecation) return {};
  return {
    Deprecation: `@${Math.floor(deprecation.deprecatedAt.getTime() / 1000)}`,
    Sunset: deprecation.sunsetAt.toUTCString(),
    Link: `<${deprecation.link}>; rel="deprecation"; type="text/html"`,
  };
}
