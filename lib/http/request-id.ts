/**
 * The id that ties a request's log lines and audit entries together. A caller (a load balancer, an
 * API client) may send its own so both sides can find the same request, but the value is stored and
 * logged: only a short token of safe characters is taken as sent; anything else gets a fresh id.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(sent: string | null | undefined): string {
  return sent && SAFE_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}
