/** The cookies a response sets, by name: what a `setup` returns after signing in. */
export function cookiesSetBy(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator > 0) cookies[pair.slice(0, separator).trim()] = pair.slice(separator + 1).trim();
  }
  return cookies;
}

/**
 * Keeps `jar` as a browser would after `response`: cookies set are added or replaced, cookies
 * cleared (empty value, Max-Age=0 or an expiry in the past) are dropped.
 */
export function keepCookies(jar: Record<string, string>, response: Response): Record<string, string> {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const cleared = attributes.some((attribute) => {
      const [key, raw = ''] = attribute.split('=').map((part) => part.trim());
      if (/^max-age$/i.test(key)) return Number(raw) <= 0;
      if (/^expires$/i.test(key)) return Date.parse(raw) <= Date.now();
      return false;
    });
    if (cleared || value === '') delete jar[name];
    else jar[name] = value;
  }
  return jar;
}

/** The Cookie request header for `jar`. */
export function cookieHeader(jar: Record<string, string>): string {
  return Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
