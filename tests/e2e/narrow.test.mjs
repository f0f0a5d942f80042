// Phones first: every page fits a 320 px wide screen without sideways scrolling,
// with charts, wide tables and forms on it (tables scroll within themselves).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Suite } from './harness.mjs';
import { say } from './words.mjs';

const STORE = JSON.stringify({
  app: 'devops-maturity', schema: 3, revision: 1, updated_at: 1,
  teams: [{ id: 't', name: 'Payments', created_at: 1 }],
  runs: [
    { id: 'r', team: 't', questionnaires: ['calms', 'dora', 'team-topologies'], started_at: 1, finished_at: 2,
      answers: { calms: { 'culture.bad-news': 2 }, dora: { 'lead-time': 3, 'change-failure-rate': 20 } }, position: 0 },
    { id: 'r2', team: 't', questionnaires: ['calms'], started_at: 3, finished_at: 4, answers: { calms: { 'culture.bad-news': 4 } }, position: 0 },
  ],
});

let suite;
before(async () => { suite = await new Suite().start({ extra: { '/blank.html': '<!doctype html><title>blank</title>' } }); });
after(async () => { await suite?.stop(); });

// Phones of 320 and 375 px, and German (its long words) at 320.
for (const [px, code] of [[320, 'en'], [375, 'en'], [320, 'de']]) {
  test(`every page fits ${px} px without sideways scrolling (${code})`, async () => {
    const context = await suite.browser.newContext({ viewport: { width: px, height: 700 }, serviceWorkers: 'block', locale: code });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/blank.html`);
    await page.evaluate((s) => localStorage.setItem('devops-maturity', s), STORE);
    const width = async (where) => {
      // Charts are drawn once ECharts has loaded: give them the time to lay out.
      await page.waitForTimeout(1000);
      return [where, await page.evaluate(() => document.documentElement.scrollWidth)];
    };
    const widths = [];
    for (const path of ['/', '/runs/r2', '/runs/r/results', '/teams/t', '/teams/t/compare?from=r2&to=r', '/collect', '/no-such-page']) {
      await page.goto(suite.server.url + path);
      await page.locator('main h1').first().waitFor();
      widths.push(await width(path));
    }
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel(say(code, 'Team name')).fill('Payments');
    await page.getByRole('button', { name: say(code, 'Start a workshop') }).click();
    const link = await page.getByRole('textbox', { name: say(code, 'Join link') }).inputValue();
    widths.push(await width('workshop'));
    await page.getByRole('link', { name: say(code, 'Open the presenter view') }).click();
    await page.locator('main h1').first().waitFor();
    widths.push(await width('presenter view'));
    await page.goto(link);
    await page.getByRole('radio').first().waitFor();
    widths.push(await width('join link'));
    // The participant's answer code: a long unbroken code that must wrap.
    const done = page.getByRole('button', { name: say(code, 'Done: show my answer code') });
    for (let i = 0; i < 200 && !(await done.isVisible()); i++) {
      await page.getByRole('button', { name: say(code, 'Next'), exact: true }).click();
    }
    await done.click();
    await page.getByRole('heading', { name: say(code, 'Your answer code') }).waitFor();
    widths.push(await width('answer code'));
    await context.close();
    assert.deepEqual(widths.filter(([, w]) => w > px), [], 'pages wider than the screen');
  });
}

test('on a 1280 px desktop every table of the team and results pages fits its box', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/blank.html`);
  await page.evaluate((s) => localStorage.setItem('devops-maturity', s), STORE);
  for (const path of ['/teams/t', '/runs/r/results']) {
    await page.goto(suite.server.url + path);
    await page.locator('main h1').first().waitFor();
    await page.locator('table').first().waitFor();
    const wide = await page.evaluate(() => [...document.querySelectorAll('main table')]
      .map((t) => [t.querySelector('caption')?.textContent ?? '', t.scrollWidth, (t.closest('.table-scroll') ?? t.parentElement).clientWidth])
      .filter(([, table, box]) => table > box));
    assert.deepEqual(wide, [], `${path}: tables wider than their box (a column would hide)`);
  }
  await context.close();
});
