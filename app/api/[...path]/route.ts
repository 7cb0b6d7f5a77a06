/**
 * Any /api address that no route answers: a machine-readable 404 (RFC 9457 problem details) rather
 * than the HTML not-found page, which API clients cannot use. Real routes under app/api take
 * precedence over this catch-all.
 */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(
    {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `No API endpoint at ${pathname}.`,
      instance: pathname,
    },
    { status: 404, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } },
  );
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
