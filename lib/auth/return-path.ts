/**
 * Where to send a person after they sign in: the page they asked for, only ever on this portal
 * (never an open redirect to another site).
 *
 * Decided by parsing, not by looking at the first characters: browsers drop tabs and newlines from
 * addresses and read a backslash as a slash, so `/%09/evil.example`, `/\evil.example` and the like
 * would otherwise become `//evil.example`. A path is kept only when it has none of those characters,
 * raw or percent-encoded, and resolving it against an origin keeps that origin. What is returned is
 * the parsed path, so the address followed is exactly the one judged.
 */
const ORIGIN = 'https://portal.invalid';
const MAX_LENGTH = 2048;
// Controls (tab, newline, carriage return, …) and backslashes.
const UNSAFE = /[\u0000-\u001F\u007F\\]/;
// The sign-in and sign-up pages themselves: coming back to them would loop.
const AUTH_PAGES = /^\/(es\/)?(sign-in|sign-out|sign-up)(\/|$)/i;

export function safeReturnPath(path: string | null | undefined): string {
  if (!path || path.length > MAX_LENGTH || UNSAFE.test(path)) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return '/'; // a broken percent-encoding is no page of ours
  }
  if (UNSAFE.test(decoded) || !decoded.startsWith('/') || decoded.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(path, ORIGIN);
  } catch {
    return '/';
  }
  // Dot segments can tidy a path into "//host" ("/a/..//evil.example"): judge the tidied one too.
  if (url.origin !== ORIGIN || url.pathname.startsWith('//') || AUTH_PAGES.test(url.pathname)) return '/';
  return url.pathname + url.search + url.hash;
}
