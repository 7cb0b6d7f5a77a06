/**
 * Whether the production build (in .next, or NEXT_DIST_DIR) is missing or older than the source it was built from.
 * Shared by npm start and npm run bench so both rebuild on the same rule.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'messages', 'db', 'public'].filter((d) => existsSync(d));
  const configs = ['next.config.ts', 'package.json', 'proxy.ts'].filter((f) => existsSync(f));
  return Math.max(...sources.map(newestSourceChange), ...configs.map((f) => statSync(f).mtimeMs)) > built;
}
