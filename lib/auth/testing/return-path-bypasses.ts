/**
 * Known ways to turn "a path on this site" into another site, each of which must come back as "/".
 * Shared by the rules test and the sign-in journey, which follows each one in a real browser.
 */
export const RETURN_PATH_BYPASSES = [
  ['a tab before the second slash', '/%09/evil.example/path'],
  ['a raw tab', '/\t/evil.example/path'],
  ['an encoded newline', '/%0a/evil.example'],
  ['a raw newline', '/\n/evil.example'],
  ['an encoded carriage return', '/%0d/evil.example'],
  ['a slash and a backslash', '/\\evil.example'],
  ['an encoded backslash', '/%5Cevil.example'],
  ['two encoded slashes', '/%2F%2Fevil.example'],
  ['an encoded second slash', '/%2Fevil.example'],
  ['two slashes', '//evil.example'],
  ['three slashes', '///evil.example'],
  ['dot segments that tidy into two slashes', '/a/..//evil.example'],
  ['encoded dot segments that tidy into two slashes', '/a/%2e%2e//evil.example'],
  ['a scheme', 'https://evil.example'],
  ['a mixed-case scheme', 'HtTpS://evil.example'],
  ['a mixed-case javascript: address', 'JaVaScRiPt:alert(1)'],
  ['a relative path', 'evil.example'],
  ['a broken percent-encoding', '/%E0%A4%A'],
  ['an endless address', `/${'a'.repeat(5000)}`],
] as const;
