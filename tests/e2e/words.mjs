// What the app says in each language, read from its catalogues, so a journey can
// find a control by its name in any language: `say('de', 'Next')` is the German
// message whose English is "Next".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LANGUAGES, readCatalogue } from '../../assets/i18n.mjs';

export const CODES = ['en', ...LANGUAGES];
export const CATALOGUE = Object.fromEntries(CODES.map((c) => [c, readCatalogue(c)]));

/** A built-in questionnaire file in English, or its translation into `code`. */
export const QUESTIONNAIRE = (id, code = 'en') => JSON.parse(readFileSync(new URL(
  code === 'en' ? `../../questionnaires/${id}.json` : `../../questionnaires/i18n/${code}/${id}.json`, import.meta.url)));

export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const forms = (m) => (typeof m === 'string' ? [m] : Object.values(m));

/** The key of the English message `english` (its exact text, or template). */
export function keyOf(english) {
  const en = CATALOGUE.en;
  const key = Object.keys(en).find((k) => forms(en[k]).includes(english));
  assert.ok(key, `no English message ${JSON.stringify(english)}`);
  return key;
}

/** What `code` says for the English message `english` (one without placeholders). */
export const say = (code, english) => CATALOGUE[code][keyOf(english)];

/** A regex matching what `code` says for the English template `english`, any
 *  placeholder standing for any text. */
export function sayLike(code, english) {
  const message = CATALOGUE[code][keyOf(english)];
  const alternatives = forms(message).map((f) => escape(f).replace(/\\\{[a-z_]+\\\}/g, '.+?'));
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}
