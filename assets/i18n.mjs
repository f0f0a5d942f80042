// The languages other than English (assets/i18n/<code>/*.json), checked and bundled at build time (run by
// assets/csp.mjs in Trunk's post_build hook). Each language becomes one file,
// i18n/<code>-<hash>.json: its messages in the order of the English keys (the
// order build.rs gives the typed keys) and the built-in questionnaires'
// translations (questionnaires/i18n/<code>/, checked field by field by the core's
// validator in its tests and when applied). index.html gets
// <meta name="i18n" content="es=i18n/es-….json …"> so the app can fetch the one
// it needs. A catalogue with a missing or extra key, a placeholder that differs
// from English, or plural forms other than its language's fails the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The languages bundled (English is compiled into the app). */
export const LANGUAGES = ['es', 'de', 'fr'];
const MESSAGES = fileURLToPath(new URL('./i18n/', import.meta.url));
const QUESTIONNAIRES = fileURLToPath(new URL('../questionnaires/i18n/', import.meta.url));
/** The core's own texts, keyed by their English (crates/core/src/texts.rs; the
 *  core's tests check this file lists exactly those, each in every language). */
const CORE = fileURLToPath(new URL('./i18n/core.json', import.meta.url));
export const readCore = () => JSON.parse(readFileSync(CORE, 'utf8'));

/** A language's messages: every file of assets/i18n/<code>/ merged (one per part
 *  of the app); a key in two files is refused. */
export function readCatalogue(code) {
  const merged = {};
  for (const file of readdirSync(join(MESSAGES, code)).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(MESSAGES, code, file), 'utf8'));
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new Error(`assets/i18n/${code}/${file}: ${key}: the key is also in another file`);
      merged[key] = value;
    }
  }
  return merged;
}

/** The `{name}` placeholders of a message (all its plural forms together). */
const placeholders = (message) => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((t) => [...String(t).matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1])))].sort();
};

/** Every problem of catalogue `code` against English, as lines naming the key. */
export function problems(code, catalogue = readCatalogue(code), english = readCatalogue('en')) {
  const found = [];
  const categories = (lang) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
  for (const key of Object.keys(english)) {
    if (!/^[a-z0-9_.-]+$/.test(key)) found.push(`en: key ${JSON.stringify(key)}: use lowercase letters, digits, dots, dashes and underscores`);
    if (!(key in catalogue)) { found.push(`${code}: ${key}: missing`); continue; }
    const [mine, theirs] = [catalogue[key], english[key]];
    if (typeof mine !== typeof theirs) {
      found.push(`${code}: ${key}: ${typeof theirs === 'string' ? 'text' : 'plural forms'} in English, not in ${code}`);
      continue;
    }
    if (typeof mine === 'object') {
      for (const [lang, forms] of [[code, mine], ['en', theirs]]) {
        const want = categories(lang);
        const have = Object.keys(forms).sort();
        if (JSON.stringify(have) !== JSON.stringify(want)) found.push(`${lang}: ${key}: plural forms ${have.join(', ')}; ${lang} uses ${want.join(', ')}`);
        for (const [form, text] of Object.entries(forms)) if (typeof text !== 'string' || !text.trim()) found.push(`${lang}: ${key}.${form}: empty`);
      }
    } else if (!mine.trim()) found.push(`${code}: ${key}: empty`);
    const [a, b] = [placeholders(mine), placeholders(theirs)];
    if (JSON.stringify(a) !== JSON.stringify(b)) found.push(`${code}: ${key}: placeholders {${a.join('}, {')}}; English has {${b.join('}, {')}}`);
  }
  for (const key of Object.keys(catalogue)) if (!(key in english)) found.push(`${code}: ${key}: not in English (remove it, or add it to en.json first)`);
  return found;
}

/** Builds every bundle into `dir` and names them in its index.html. */
export function bundle(dir) {
  const english = readCatalogue('en');
  const keys = Object.keys(english).sort();
  const all = LANGUAGES.flatMap((code) => problems(code, readCatalogue(code), english));
  if (all.length) throw new Error(`i18n.mjs: the message catalogues disagree:\n${all.join('\n')}`);
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  const listed = [];
  for (const code of LANGUAGES) {
    const catalogue = readCatalogue(code);
    const files = readdirSync(join(QUESTIONNAIRES, code)).filter((f) => f.endsWith('.json')).sort();
    const core = Object.fromEntries(Object.entries(readCore()).map(([english, t]) => {
      if (typeof t[code] !== 'string' || !t[code].trim()) throw new Error(`i18n.mjs: core.json: ${JSON.stringify(english)} has no ${code} translation`);
      return [english, t[code]];
    }));
    const body = JSON.stringify({
      messages: keys.map((k) => catalogue[k]),
      core,
      questionnaires: files.map((f) => JSON.parse(readFileSync(join(QUESTIONNAIRES, code, f), 'utf8'))),
    });
    const name = `i18n/${code}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json`;
    writeFileSync(join(dir, name), body);
    listed.push(`${code}=${name}`);
  }
  const file = join(dir, 'index.html');
  const html = readFileSync(file, 'utf8').replace(/\s*<meta name="i18n"[^>]*>/, '');
  const meta = `<meta name="i18n" content="${listed.join(' ')}">`;
  const out = html.replace(/<meta charset="utf-8">/, (m) => `${m}\n    ${meta}`);
  if (!out.includes(meta)) throw new Error('i18n.mjs: no <meta charset="utf-8"> in index.html');
  writeFileSync(file, out);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (dir) bundle(dir);
