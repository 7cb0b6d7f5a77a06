import { sql } from 'drizzle-orm';
import { getStore, runSql } from '@/db/client';

export async function GET() {
  const started = performance.now();
  try {
    await runSql(getStore(), sql`SELECT 1`);
    return Response.json(
      { status: 'ok', store: { dialect: getStore().dialect, reachable: true, latencyMs: Math.round(performance.now() - started) } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch {
    return Response.json(
      { status: 'unavailable', store: { dialect: getStore().dialect, reachable: false } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
