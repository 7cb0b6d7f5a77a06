/**
 * After `next build`: gives each page prerendered at build time (the home page in both languages,
 * the 404 for addresses outside the portal) a Content Security Policy that names the SHA-256 of
 * every inline script in its HTML. Next serves these pages as stored, with the headers stored
 * beside them (the `.meta` file); the proxy, which adds a per-request nonce to every other page,
 * does not run for them. Every build goes through scripts/build.ts, which runs this right after.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../lib/http/security-headers';

const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP hash sources of the inline scripts of one HTML document, in document order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(inlineScript)].map(([, body]) => `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  return [...new Set(hashes)];
}

/** Writes the policy into every prerendered page's stored headers; returns what it did, one line per page. */
export function writePrerenderedPolicies(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const done: string[] = [];
  for (const route of Object.keys(manifest.routes)) {
    const base = path.join(distDir, 'server', 'app', route === '/' ? 'index' : route.slice(1));
    if (!existsSync(`${base}.html`) || !existsSync(`${base}.meta`)) continue;
    const hashes = inlineScriptHashes(readFileSync(`${base}.html`, 'utf8'));
    const meta = JSON.parse(readFileSync(`${base}.meta`, 'utf8')) as { headers?: Record<string, string> };
    meta.headers = { ...meta.headers, 'content-security-policy': contentSecurityPolicy({ hashes }) };
    writeFileSync(`${base}.meta`, JSON.stringify(meta, null, 2));
    done.push(`${route}: ${hashes.length} inline script${hashes.length === 1 ? '' : 's'}`);
  }
  return done;
}
