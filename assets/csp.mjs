// Trunk post_build hook: writes the app's Content-Security-Policy (its directives
// are assets/policy.mjs's) into the built index.html as a <meta> tag, so it holds on
// any static host. The only inline
// scripts are Trunk's loader and the theme line in index.html (applied before the
// first paint), each allowed by its SHA-256 hash; everything else must come
// from the app's own origin. WebAssembly compiles under 'wasm-unsafe-eval' (not
// 'unsafe-eval': eval and new Function stay blocked).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaPolicy } from './policy.mjs';

// First the wasm chunks (they must be staged before the file list is made).
await import('./split.mjs');
// Then the language bundles, which name themselves in index.html.
await import('./i18n.mjs');

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('csp.mjs: no TRUNK_STAGING_DIR and no directory given');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (hashes.length !== 2) throw new Error(`csp.mjs: expected Trunk's inline loader and the theme script, found ${hashes.length} inline scripts`);

export const POLICY = metaPolicy(hashes);

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
html = html.replace(/<meta charset="utf-8">/, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
if (!html.includes('http-equiv="Content-Security-Policy"')) throw new Error('csp.mjs: no <meta charset="utf-8"> to put the policy after');
writeFileSync(file, html);

// Then the service worker's file list, which hashes the final index.html. One hook
// runs both in this order: Trunk starts the hooks of a stage all at once.
await import('./precache.mjs');
// Last, the precompressed copies of the final files.
await import('./compress.mjs');
