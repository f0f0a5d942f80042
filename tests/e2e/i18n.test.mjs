// The app in English, Spanish, German and French: the language comes from the
// browser's preferences, is switched from every page and kept; only the chosen
// language is downloaded; a whole CALMS run, its results and the team page show
// no English in another language (every visible text node is compared with the
// English catalogue and questionnaire); and a workshop mixes languages: the
// facilitator presents in English while participants answer in Spanish and German.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Suite, eventually } from './harness.mjs';
import { AssessmentApp } from './app.mjs';
import { LANGUAGES, readCore } from '../../assets/i18n.mjs';
import { CATALOGUE, QUESTIONNAIRE, escape, forms, say, sayLike } from './words.mjs';

/** Every English text a page could show: messages (placeholders as wildcards) and
 *  questionnaire texts, less those the other language writes the same way. */
function englishOnly(code) {
  const own = new Set();
  for (const m of Object.values(CATALOGUE[code])) forms(m).forEach((f) => own.add(f));
  const exact = new Set();
  const patterns = [];
  for (const m of Object.values(CATALOGUE.en)) {
    for (const f of forms(m)) {
      if (own.has(f)) continue;
      if (/\{[a-z_]+\}/.test(f)) {
        const literal = f.replace(/\{[a-z_]+\}/g, '');
        if (literal.replace(/[^A-Za-z]/g, '').length >= 6) patterns.push(new RegExp(`^${escape(f).replace(/\\\{[a-z_]+\\\}/g, '.+?')}$`));
      } else if (/[A-Za-z]{3}/.test(f)) exact.add(f);
    }
  }
  for (const [english, t] of Object.entries(readCore())) if (t[code] !== english) exact.add(english);
  for (const id of ['calms']) {
    const q = QUESTIONNAIRE(id, 'en');
    const t = QUESTIONNAIRE(id, code);
    const theirs = new Set([t.title, t.summary, ...Object.values(t.dimensions).flatMap((d) => [d.name, d.description]),
      ...Object.values(t.questions).flatMap((x) => [x.text, x.advice, x.if_unknown, ...x.choices.flatMap((c) => [c.label, c.means])])]);
    const mine = [q.title, q.summary, ...q.dimensions.flatMap((d) => [d.name, d.description]),
      ...q.questions.flatMap((x) => [x.text, x.advice, x.if_unknown, ...(x.choices ?? []).flatMap((c) => [c.label, c.means])])];
    for (const text of mine) if (text && !theirs.has(text)) exact.add(text);
  }
  return { exact, patterns };
}

// Words of English that are no word of Spanish, German or French: two of them in
// one text node mean a sentence was left in English (text the core writes too).
// ("has", "was" and "team" are words of Spanish or German too, so not listed.)
const ENGLISH_WORDS = ['the', 'and', 'your', 'with', 'is', 'are', 'of', 'this', 'that', 'you', 'for', 'not', 'have', 'when', 'what', 'which', 'answers'];

/** Visible text nodes (and accessible names of controls) still in English. */
async function untranslated(page, code) {
  const { exact, patterns } = englishOnly(code);
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const shown = el.closest('select') ?? el;
      // The language menu names each language in itself, on purpose; citations
      // name documents as written, marked lang="en".
      if (!shown.checkVisibility?.() || el.closest('option[lang]') || el.closest('[lang]')?.getAttribute('lang') === 'en') continue;
      const text = n.textContent.replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!el.checkVisibility?.()) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
    }
    return out;
  });
  const names = new Set(['English', 'Español', 'Deutsch', 'Français']);
  return texts.filter((t) => !names.has(t)).filter((t) => exact.has(t) || patterns.some((p) => p.test(t))
    || ENGLISH_WORDS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(t)).length >= 2);
}

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

/** A browser profile whose preferred language is `locale`. */
const contextIn = (locale) => suite.context({ locale });

const languageFiles = (w) => w.requests.filter((u) => /\/i18n\/[a-z]+-[0-9a-f]{16}\.json$/.test(u))
  .map((u) => /\/i18n\/([a-z]+)-/.exec(u)[1]);

test('the browser language is followed, only its file is fetched, and a switch is kept across reloads', async () => {
  const w = await contextIn('de-AT');
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.getByText(say('de', 'Private by design: your answers never leave this browser.')).waitFor();
  assert.deepEqual(languageFiles(w), ['de'], 'only German was downloaded');
  const menu = page.getByLabel(say('de', 'Language'));
  assert.deepEqual(await menu.locator('option').allTextContents(), ['English', 'Español', 'Deutsch', 'Français']);
  assert.equal(await menu.inputValue(), 'de');
  await app.audit('start page in German');

  await menu.selectOption('fr');
  await page.getByText(say('fr', 'Private by design: your answers never leave this browser.')).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.reload();
  await page.getByText(say('fr', 'Private by design: your answers never leave this browser.')).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.getByLabel(say('fr', 'Language')).inputValue(), 'fr');

  // Back to English: nothing more to fetch, every word English again.
  await page.getByLabel(say('fr', 'Language')).selectOption('en');
  await page.getByText('Private by design: your answers never leave this browser.').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual([...new Set(languageFiles(w))].sort(), ['de', 'fr']);
  await w.close();

  // A language the app does not speak: English, and no language file at all.
  const p = await contextIn('pt-BR');
  const other = await p.newPage();
  await new AssessmentApp(other, suite.server.url, p).open('/');
  assert.equal(await other.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(languageFiles(p), []);
  await p.close();
});

for (const code of LANGUAGES) {
  test(`a whole CALMS run in ${code}: question, results and team page, nothing left in English, axe clean`, async () => {
    const w = await contextIn(code);
    const page = await w.newPage();
    const app = new AssessmentApp(page, suite.server.url, w);
    await app.open('/');
    const calms = QUESTIONNAIRE('calms', code);
    await page.getByLabel(say(code, 'Team name')).fill('Payments');
    for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(calms.title)}`) }).check();
    assert.deepEqual(await untranslated(page, code), [], 'start page');
    await page.getByRole('button', { name: say(code, 'Start assessment') }).click();
    const asked = QUESTIONNAIRE('calms', 'en').questions.filter((q) => !q.retired);
    await page.getByRole('heading', { level: 2, name: calms.questions[asked[0].id].text }).waitFor();
    assert.deepEqual(await untranslated(page, code), [], 'first question');
    await app.audit(`question in ${code}`);
    for (let i = 0; i < asked.length; i++) {
      await page.getByRole('heading', { level: 2, name: calms.questions[asked[i].id].text }).waitFor();
      await app.choose(i % 5);
      if (i < asked.length - 1) await page.getByRole('button', { name: say(code, 'Next'), exact: true }).click();
    }
    await page.getByRole('button', { name: say(code, 'Finish and see results') }).click();
    await page.getByRole('heading', { level: 1, name: sayLike(code, 'Results for {team}') }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), code);
    assert.deepEqual(await untranslated(page, code), [], 'results');
    await app.audit(`results in ${code}`);
    // Numbers the language's way: a score with a decimal comma in German and French.
    if (code !== 'es') {
      const cells = await page.locator('table td').allTextContents();
      assert.ok(cells.some((c) => /\d,\d/.test(c)), `decimal comma in ${code}: ${cells.slice(0, 8)}`);
    }
    const stored = JSON.parse(await app.stored());
    await page.goto(`${suite.server.url}/teams/${stored.teams[0].id}`);
    await page.getByRole('heading', { level: 1, name: /Payments/ }).waitFor();
    await eventually(() => untranslated(page, code), (u) => u.length === 0, `team page in ${code}`);
    await app.audit(`team page in ${code}`);
    // Stored data holds no text of any language: only answer positions by id.
    const run = stored.runs[0];
    assert.ok(Object.values(run.answers.calms ?? run.answers).every((v) => typeof v === 'number'), JSON.stringify(run.answers).slice(0, 200));
    await w.close();
  });
}

test('a mixed-language workshop: the facilitator presents in English, participants answer in Spanish and German', async () => {
  const westrum = QUESTIONNAIRE('westrum', 'en');
  const asked = westrum.questions.filter((q) => !q.retired);
  const f = await contextIn('en-GB');
  const page = await f.newPage();
  const app = new AssessmentApp(page, suite.server.url, f);
  await app.open('/');
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await app.questionnaire('Westrum').check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  const joinLink = await page.getByRole('textbox', { name: 'Join link' }).inputValue();

  // Each participant's browser prefers their language, and the join link does not
  // impose the facilitator's: each answers in their own.
  const answers = { es: [0, 1, 2, 3, 4, 5], de: [6, 5, 4, 3, 2, 1] };
  const links = [];
  for (const code of ['es', 'de']) {
    const w = await contextIn(code);
    const p = await w.newPage();
    await p.goto(joinLink);
    const translated = QUESTIONNAIRE('westrum', code);
    await p.getByRole('heading', { level: 2, name: translated.questions[asked[0].id].text }).waitFor();
    assert.equal(await p.getAttribute('html', 'lang'), code);
    assert.deepEqual(await untranslated(p, code), [], `join page in ${code}`);
    const participant = new AssessmentApp(p, suite.server.url, w);
    for (let i = 0; i < asked.length; i++) {
      await p.getByRole('heading', { level: 2, name: translated.questions[asked[i].id].text }).waitFor();
      await participant.choose(answers[code][i]);
      if (i < asked.length - 1) await p.getByRole('button', { name: say(code, 'Next'), exact: true }).click();
    }
    await p.getByRole('button', { name: say(code, 'Done: show my answer code') }).click();
    const link = await p.getByRole('textbox', { name: say(code, 'Answer link') }).inputValue();
    assert.deepEqual(await untranslated(p, code), [], `answer code page in ${code}`);
    await participant.audit(`answer code page in ${code}`);
    links.push(link);
    await w.close();
  }

  // The facilitator collects both codes: one consistent set of results, in English.
  await page.getByLabel('Paste answer codes or links (one or many)').fill(links.join('\n'));
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByText('2 answer codes collected').waitFor();
  await page.getByRole('link', { name: 'Open the presenter view' }).click();
  await page.getByRole('heading', { level: 2, name: asked[0].text }).waitFor();
  await page.getByText('2 of 2 answered').waitFor();
  await page.getByRole('button', { name: 'Reveal answers' }).click();
  const histogram = page.getByRole('table', { name: 'How many chose each answer' });
  await histogram.waitFor();
  const counts = await histogram.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.count').textContent.trim()));
  assert.deepEqual(counts, ['1', '0', '0', '0', '0', '0', '1'], 'the Spanish answer (first choice) and the German one (last) on one English scale');
  const labels = asked[0].choices.map((c) => c.label);
  await page.getByText(`Range: ${labels[0]} to ${labels[6]}`).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await f.close();
});
