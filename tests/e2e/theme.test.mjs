// Light, dark and more contrast: the system's preference is followed, the switch is
// kept and applied before the first paint (before the app's own code runs), print is
// always light, and every theme passes axe's WCAG 2.2 AA contrast checks, charts
// included (their text is checked here, as axe cannot see into SVG text).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Suite, eventually } from './harness.mjs';
import { AssessmentApp, STORAGE_KEY } from './app.mjs';

const STORE = JSON.stringify({
  app: 'devops-maturity', schema: 3, revision: 1, updated_at: 1,
  teams: [{ id: 't', name: 'Payments', created_at: 1 }],
  runs: [
    { id: 'r', team: 't', questionnaires: ['calms', 'dora'], started_at: 1, finished_at: 2, position: 0,
      answers: { calms: { 'culture.bad-news': 2, 'automation.deploy': 1, 'lean.wip': 3, 'measurement.delivery': 0, 'sharing.incidents': 4 },
        dora: { 'lead-time': 3, 'deployment-frequency': 2, 'recovery-time': 4, 'change-failure-rate': 20 } } },
    { id: 'r2', team: 't', questionnaires: ['calms'], started_at: 3, finished_at: 4, position: 0,
      answers: { calms: { 'culture.bad-news': 4, 'automation.deploy': 2, 'lean.wip': 1, 'measurement.delivery': 2, 'sharing.incidents': 3 } } },
  ],
});

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

/** The page's background and text colours as the browser computed them. */
const colours = (page) => page.evaluate(() => {
  const root = getComputedStyle(document.documentElement);
  const main = getComputedStyle(document.querySelector('main') ?? document.body);
  return { background: root.backgroundColor, text: main.color, theme: document.documentElement.dataset.theme ?? null };
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b2] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Every chart's text: its fill, the colour behind the chart, the text. */
const chartText = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=chart]')].flatMap((chart) => {
  let at = chart;
  let behind = 'rgba(0, 0, 0, 0)';
  while (at && /rgba\(0, 0, 0, 0\)|transparent/.test(behind)) {
    behind = getComputedStyle(at).backgroundColor;
    at = at.parentElement;
  }
  return [...chart.querySelectorAll('svg text')].map((t) => [getComputedStyle(t).fill, behind, t.textContent]);
}));

async function seeded(w) {
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await page.evaluate(([key, store]) => localStorage.setItem(key, store), [STORAGE_KEY, STORE]);
  return { page, app };
}

test('the system\'s dark preference is followed, and every page passes the contrast checks in it', async () => {
  const w = await suite.context();
  const { page, app } = await seeded(w);
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/', '/runs/r/results', '/teams/t']) {
    await app.open(path);
    const c = await colours(page);
    assert.equal(c.theme, null, 'no choice made: the system decides');
    assert.equal(c.background, 'rgb(13, 17, 23)', `${path}: dark background`);
    assert.ok(contrast(c.text, 'rgb(22, 27, 34)') >= 4.5, `${path}: text on a card`);
    if (path !== '/') await page.locator('[data-testid=chart] svg').first().waitFor();
    await app.audit(`${path} in dark`);
  }
  // Chart text, which axe cannot check inside SVG: every label against the panel.
  const pairs = await chartText(page);
  assert.ok(pairs.length > 0, 'charts have text');
  for (const [fill, panel, text] of pairs) {
    assert.ok(contrast(fill, panel) >= 4.5, `chart text "${text}" (${fill} on ${panel})`);
  }
  // More contrast, when the system asks for it: secondary text as strong as body text.
  await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
  await app.open('/runs/r/results');
  const hint = await page.locator('.hint').first().evaluate((e) => getComputedStyle(e).color);
  assert.equal(hint, (await colours(page)).text, 'hints as strong as text');
  await app.audit('results with more contrast, dark');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  await app.open('/runs/r/results');
  await app.audit('results with more contrast, light');
  await w.close();
});

// The six pages a room uses (start, question, results, team, workshop, presenter),
// each in dark, and with more contrast in both schemes: axe's WCAG 2.2 AA checks.
for (const [scheme, contrastPref] of [['dark', 'no-preference'], ['dark', 'more'], ['light', 'more']]) {
  test(`the start, question, results, team, workshop and presenter pages pass axe in ${scheme}${contrastPref === 'more' ? ' with more contrast' : ''}`, async () => {
    const w = await suite.context();
    const { page, app } = await seeded(w);
    await page.emulateMedia({ colorScheme: scheme, contrast: contrastPref });
    for (const path of ['/', '/runs/r/results', '/teams/t']) {
      await app.open(path);
      if (path !== '/') await page.locator('[data-testid=chart] svg').first().waitFor();
      await app.audit(`${path} in ${scheme}, contrast ${contrastPref}`);
    }
    await app.open('/');
    await page.getByLabel('Team name').fill('Payments');
    for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
    await app.questionnaire('CALMS').check();
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    await app.choose(2);
    await app.audit(`question in ${scheme}, contrast ${contrastPref}`);
    await app.open('/');
    await page.getByLabel('Team name').fill('Payments');
    await page.getByRole('button', { name: 'Start a workshop' }).click();
    await page.getByRole('textbox', { name: 'Join link' }).waitFor();
    await app.audit(`workshop in ${scheme}, contrast ${contrastPref}`);
    await page.getByRole('link', { name: 'Open the presenter view' }).click();
    await page.locator('main h1').first().waitFor();
    await app.audit(`presenter view in ${scheme}, contrast ${contrastPref}`);
    await w.close();
  });
}

test('a kept theme is applied by the page itself, before any of the app\'s code runs', async () => {
  // A plain context (not watched: the blocked files are refused on purpose).
  const context = await suite.browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.route(/\.(wasm|js)$/, (route) => route.abort());
  await page.goto(`${suite.server.url}/`);
  await page.evaluate(() => localStorage.setItem('devops-maturity.theme', 'dark'));
  await page.reload();
  const c = await colours(page);
  assert.equal(c.theme, 'dark');
  assert.equal(c.background, 'rgb(13, 17, 23)', 'dark with no app code run: no flash of light');
  await context.close();
});

test('the switch is kept, overrides the system either way, and print is always light', async () => {
  const w = await suite.context();
  const { page, app } = await seeded(w);
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open('/runs/r/results');
  const theme = page.getByLabel('Theme');
  assert.equal(await theme.inputValue(), 'system');
  await page.locator('[data-testid=chart] svg text').first().waitFor();
  assert.ok((await chartText(page)).every(([fill]) => fill === 'rgb(26, 31, 36)'), 'light charts on a light page');
  await theme.selectOption('dark');
  assert.equal((await colours(page)).background, 'rgb(13, 17, 23)', 'dark at once');
  // The charts are redrawn in the dark palette, in place.
  await eventually(() => chartText(page), (t) => t.length > 0 && t.every(([fill]) => fill === 'rgb(242, 244, 246)'), 'charts redrawn dark');
  for (const [fill, behind, text] of await chartText(page)) {
    assert.ok(contrast(fill, behind) >= 4.5, `dark chart text "${text}" (${fill} on ${behind})`);
  }
  await app.audit('results, dark chosen');
  // Kept: after a reload the page is dark and the switch says so.
  await page.reload();
  await page.locator('main h1').first().waitFor();
  assert.equal((await colours(page)).theme, 'dark');
  await app.open('/');
  assert.equal(await page.getByLabel('Theme').inputValue(), 'dark', 'the switch shows the kept choice');
  // Print: light whatever the screen shows.
  await app.open('/runs/r/results');
  await page.locator('[data-testid=chart] svg text').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal((await colours(page)).background, 'rgb(255, 255, 255)', 'printed light');
  await eventually(() => chartText(page), (t) => t.length > 0 && t.every(([fill]) => fill === 'rgb(26, 31, 36)'), 'charts printed light');
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  // Light chosen overrides a dark system; System follows it again.
  await page.getByLabel('Theme').selectOption('light');
  assert.equal((await colours(page)).background, 'rgb(243, 246, 248)');
  await page.getByLabel('Theme').selectOption('system');
  assert.equal((await colours(page)).background, 'rgb(13, 17, 23)');
  assert.equal(await page.evaluate(() => localStorage.getItem('devops-maturity.theme')), null, 'System keeps nothing');
  // The saved data is untouched by any of this.
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), STORE);
  await w.close();
});
