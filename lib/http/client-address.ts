/**
 * The network address a request came from, for per-client limits. In production the portal sits
 * behind a reverse proxy that appends the address it saw to `X-Forwarded-For`; the last entry is that
 * one (earlier entries are whatever the client claimed). Without a proxy header, Next adds the
 * socket's address itself. Anything that is not an IP address counts as one shared "unknown" client.
 */
const IP = /^[0-9A-Fa-f:.]{2,45}$/;

export function clientAddressFrom(forwardedFor: string | null | undefined): string {
  const last = forwardedFor?.split(',').at(-1)?.trim() ?? '';
  return IP.test(last) ? last.toLowerCase() : 'unknown';
}
