// Writes the security headers of assets/policy.mjs into every server config of
// deploy/, between its `@security-headers` and `@end` lines, so a config says
// exactly what the app's policy says. `--check` changes nothing and fails, naming
// the file, when a config says something else (`bash .ci/test` runs it so).
import { readFileSync, writeFileSync } from 'node:fs';
import { SECURITY_HEADERS } from '../assets/policy.mjs';

const here = new URL('./', import.meta.url);
const CONFIGS = {
  'nginx.conf': (name, value) => `    add_header ${name} "${value}" always;`,
  'nginx-subpath.conf': (name, value) => `    add_header ${name} "${value}" always;`,
  Caddyfile: null,
  'Caddyfile-subpath': null,
};

/** The lines a config holds between its markers. */
export function block(file) {
  const entries = Object.entries(SECURITY_HEADERS);
  const line = CONFIGS[file];
  if (line) return entries.map(([name, value]) => line(name, value));
  return ['\theader {', ...entries.map(([name, value]) => `\t\t${name} "${value}"`), '\t}'];
}

/** `text` with its marked block replaced by `lines`. */
export function written(text, lines, file) {
  const start = text.search(/^[ \t]*# @security-headers.*$/m);
  const end = text.search(/^[ \t]*# @end$/m);
  if (start < 0 || end < start) throw new Error(`deploy/${file}: no "# @security-headers" ... "# @end" lines`);
  const head = text.slice(0, text.indexOf('\n', start) + 1);
  return `${head}${lines.join('\n')}\n${text.slice(end)}`;
}

export const FILES = Object.keys(CONFIGS);

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const file of FILES) {
    const url = new URL(file, here);
    const text = readFileSync(url, 'utf8');
    const next = written(text, block(file), file);
    if (next === text) continue;
    if (check) stale.push(`deploy/${file}`);
    else writeFileSync(url, next);
  }
  if (stale.length) {
    console.error(`${stale.join(', ')}: the security headers differ from assets/policy.mjs; run \`node deploy/headers.mjs\``);
    process.exit(1);
  }
}
