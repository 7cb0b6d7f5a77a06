/**
 * The floor row: what Next itself costs for a page, measured in the same run as the portal. The app
 * in floor-app/ is the smallest honest dynamic page (a 25-row table from constants, rendered per
 * request) built from the portal's own node_modules. It is built here when its build is missing or
 * older than its source or the installed Next, and served with `next start` beside the portal.
 * Nothing of it is part of the portal's build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup';
import { freePort, ServerStartError, startServer, type RunningServer } from './server';

export const floorAppDir = fileURLToPath(new URL('./floor-app', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const nextPackage = createRequire(import.meta.url).resolve('next/package.json');

function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => (entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs)),
  );
}

function floorBuildIsStale(): boolean {
  const buildId = path.join(floorAppDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  return Math.max(newest(floorAppDir), statSync(nextPackage).mtimeMs) > statSync(buildId).mtimeMs;
}

async function buildFloor(env: NodeJS.ProcessEnv): Promise<void> {
  console.log('bench: building the floor app (a minimal Next page) from the installed Next');
  const build = spawn(process.execPath, [nextBin, 'build'], { cwd: floorAppDir, stdio: ['ignore', 'ignore', 'inherit'], env });
  const undo = onCleanup('stop the floor build', () => {
    build.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  await undo();
  if (code !== 0) throw new ServerStartError(`the floor app's build failed (exit code ${code})`);
}

/** Builds the floor app if needed and serves it; the caller stops it. */
export async function startFloor(env: NodeJS.ProcessEnv, logFile: string): Promise<RunningServer> {
  const floorEnv = { ...env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  if (floorBuildIsStale()) await buildFloor(floorEnv);
  return startServer({ port: await freePort(), env: floorEnv, logFile, cwd: floorAppDir, readyPath: '/' });
}
