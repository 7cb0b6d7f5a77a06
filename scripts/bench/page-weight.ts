/**
 * JavaScript a browser downloads for a page: the same-origin `<script src>` files the HTML names,
 * each gzip-compressed as a server or CDN would send it. The `nomodule` legacy polyfill is left out:
 * browsers that run modules (all the portal supports) never download it. Inline scripts (mostly the React Server
 * Components payload) travel inside the HTML; they are reported apart from the files.
 */
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  status: number;
  scriptFiles: number;
  /** Script files on other origins: not counted, listed so they are not missed. */
  foreignScripts: string[];
  scriptGzipBytes: number;
  inlineScriptGzipBytes: number;
  htmlGzipBytes: number;
}

const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const srcAttribute = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

export async function measurePages(baseUrl: string, paths: string[]): Promise<PageWeight[]> {
  const fileSizes = new Map<string, number>();
  const weights: PageWeight[] = [];
  for (const pagePath of paths) {
    const pageUrl = new URL(pagePath, baseUrl);
    const response = await fetch(pageUrl);
    const html = await response.text();
    const sources = new Set<string>();
    const foreignScripts: string[] = [];
    const inline: string[] = [];
    for (const [, attributes, content] of html.matchAll(scriptTag)) {
      if (/\bnomodule\b/i.test(attributes)) continue;
      const src = srcAttribute.exec(attributes);
      if (!src) {
        inline.push(content);
        continue;
      }
      const url = new URL(decodeEntities(src[1] ?? src[2] ?? src[3]), pageUrl);
      if (url.origin === pageUrl.origin) sources.add(url.toString());
      else foreignScripts.push(url.toString());
    }
    let scriptGzipBytes = 0;
    for (const source of sources) {
      if (!fileSizes.has(source)) fileSizes.set(source, await gzipSizeOf(source));
      scriptGzipBytes += fileSizes.get(source)!;
    }
    weights.push({
      path: pagePath,
      status: response.status,
      scriptFiles: sources.size,
      foreignScripts,
      scriptGzipBytes,
      inlineScriptGzipBytes: inline.length > 0 ? gzipSync(inline.join('\n')).length : 0,
      htmlGzipBytes: gzipSync(html).length,
    });
  }
  return weights;
}

async function gzipSizeOf(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).length;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
}
