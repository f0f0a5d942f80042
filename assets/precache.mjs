// Run by assets/csp.mjs (Trunk's post_build hook) after the policy is written:
// lists every file of the build in the service worker
// (assets/sw.js, copied to /sw.js) and names its cache by their contents, so each
// build installs a fresh cache and removes the last one.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('precache.mjs: no TRUNK_STAGING_DIR and no directory given');

const walk = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
// Relative to the worker's own address, so the list holds under a subpath too.
const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((url) => url !== 'sw.js' && !/\.(br|gz)$/.test(url))
  .sort();
// Languages are not kept in advance: the worker keeps the one a page fetches, and
// on an update, the new build's file of each language the last cache held.
const languages = Object.fromEntries(files.filter((url) => url.startsWith('i18n/'))
  .map((url) => [url.slice('i18n/'.length).split('-')[0], url]));
const precached = files.filter((url) => !url.startsWith('i18n/'));
const hash = createHash('sha256');
for (const url of files) hash.update(url).update(readFileSync(join(dir, url)));
const version = hash.digest('hex').slice(0, 16);

const sw = join(dir, 'sw.js');
const text = readFileSync(sw, 'utf8');
if (!['__FILES__', '__VERSION__', '__LANGUAGES__'].every((p) => text.includes(p))) throw new Error('precache.mjs: sw.js has no placeholders');
writeFileSync(sw, text.replace("'__VERSION__'", () => JSON.stringify(version))
  .replace('__FILES__', () => JSON.stringify(precached))
  .replace("'__LANGUAGES__'", () => JSON.stringify(languages)));
