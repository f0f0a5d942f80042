// The message catalogues (assets/i18n/*.json) agree with English: the same keys,
// the same placeholders, and each language's own plural forms (as Intl.PluralRules
// names them). The build refuses the same problems (assets/i18n.mjs); this test
// also shows that each kind of problem is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, problems, readCatalogue } from '../assets/i18n.mjs';

test('every language has exactly the English keys, placeholders and its own plural forms', () => {
  for (const code of LANGUAGES) assert.deepEqual(problems(code), [], code);
});

test('a missing key, an extra key, a lost placeholder and wrong plural forms are each refused', () => {
  const english = { 'a.text': 'Team {team} at {time}', 'a.count': { one: 'one run', other: '{n} runs' } };
  const good = { 'a.text': 'Equipo {team} a las {time}', 'a.count': { one: 'una', many: '{n} de', other: '{n}' } };
  assert.deepEqual(problems('es', good, english), []);
  const found = problems('es', {
    'a.count': { one: 'una', other: '{n}' },
    'a.extra': 'x',
  }, english);
  assert.ok(found.includes('es: a.text: missing'), found.join('\n'));
  assert.ok(found.includes('es: a.extra: not in English (remove it, or add it to en.json first)'), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('es: a.count: plural forms one, other; es uses')), found.join('\n'));
  const placeholder = problems('de', { 'a.text': 'Team {team}', 'a.count': { one: 'ein Lauf', other: '{n} Läufe' } }, english);
  assert.deepEqual(placeholder, ['de: a.text: placeholders {team}; English has {team}, {time}']);
});

test('the catalogues say something in each language, not English copied', () => {
  const english = readCatalogue('en');
  for (const code of LANGUAGES) {
    const catalogue = readCatalogue(code);
    const same = Object.keys(english).filter((k) => typeof english[k] === 'string' && english[k] === catalogue[k] && /[a-z]{4}/i.test(english[k]));
    // Names and loanwords may match (e.g. "DORA", "Lean"); whole sentences may not.
    // (Placeholders are not words: "{team}: {from} → {to}" is the same everywhere.)
    const sentences = same.filter((k) => (english[k].replace(/\{[a-z_]+\}/g, '').match(/\p{L}{2,}/gu) ?? []).length > 3);
    assert.deepEqual(sentences, [], `${code}: still in English`);
  }
});
