/**
 * Versioning of the API (spec §9): everything lives under `/api/v1`, and a breaking change only
 * ever comes in a new version. An operation of v1 that will go away is announced first: its answers
 * carry `Deprecation` (RFC 9745: the moment it was deprecated, as `@<unix seconds>`), `Sunset`
 * (RFC 8594: the HTTP date after which it may stop answering) and a `Link` to the changelog entry
 * that says what to use instead. Each is listed here, by operation id; the changelog itself is on
 * /developers (messages/{en,es}/developers.json, versioning.changelog).
 */
export interface Deprecation {
  deprecatedAt: Date;
  sunsetAt: Date;
  /** Where the changelog explains it (a path of the portal). */
  link: string;
}

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
