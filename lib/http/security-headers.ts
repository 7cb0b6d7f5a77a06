/**
 * Which scripts a page may run. Pages rendered per request carry a fresh nonce that Next stamps on
 * its scripts (and 'strict-dynamic' lets those load the rest). Pages prerendered at build time are
 * the same bytes for everyone, so a nonce is impossible: they list the SHA-256 of each inline script
 * they contain, computed from the built HTML (scripts/prerendered-csp.ts), and load their script
 * files from this origin only. Neither allows 'unsafe-inline'.
 */
export type ScriptPolicy = { nonce: string } | { hashes: readonly string[] };

export function contentSecurityPolicy(scripts: ScriptPolicy, isDev = process.env.NODE_ENV === 'development'): string {
  const scriptSrc =
    'nonce' in scripts
      ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`
      : ["'self'", ...scripts.hashes.map((hash) => `'${hash}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDev ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

/**
 * Headers sent with every response, pages and API alike. The Content Security Policy is not among
 * them: a second policy would be enforced as well as the page's own, so each page brings exactly one
 * (the proxy's nonce, or the hashes stored with a prerendered page).
 */
export const staticSecurityHeaders: { key: string; value: string }[] = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
