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

// Every element that reaches past `right` (px from the viewport's left) without a
// scrolling box of its containing blocks holding it in: a table's hidden column name
// positioned against the page, a wide cell pushing a grid out of its card. Walks
// containing blocks, not parents, since an absolutely positioned element escapes
// every box below its positioned ancestor. Returns a short description of each.
function outside(right) {
  const style = (el) => getComputedStyle(el);
  const held = (el) => {
    for (let node = el; node && node !== document.body; ) {
      const position = style(node).position;
      if (position === 'fixed') return false;
      let parent = node.parentElement;
      if (position === 'absolute') {
        while (parent && parent !== document.body && style(parent).position === 'static') parent = parent.parentElement;
      }
      if (!parent || parent === document.body) return false;
      if (style(parent).overflowX !== 'visible') return parent.getBoundingClientRect().right <= right + 0.5;
      node = parent;
    }
    return false;
  };
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`;
  return [...document.querySelectorAll('body *')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > right + 0.5 && !held(el);
    })
    .map(describe)
    .slice(0, 5);
}

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
    const escaped = [];
    const width = async (where) => {
      // Charts are drawn once ECharts has loaded: give them the time to lay out.
      await page.waitForTimeout(1000);
      // The page as a whole, and every element on it.
      const out = await page.evaluate(outside, px);
      if (out.length) escaped.push([where, out]);
      return [where, await page.evaluate(() => document.documentElement.scrollWidth)];
    };
    const widths = [];
    for (const path of ['/', '/runs/r2', '/runs/r/results', '/teams/t', '/teams', '/teams/t/compare?from=r2&to=r', '/collect', '/no-such-page']) {
      await page.goto(suite.server.url + path);
      await page.locator('main h1').first().waitFor();
      widths.push(await width(path));
    }
    // DORA measured from the example CSV: the window controls and the six-column table.
    await page.goto(`${suite.server.url}/teams/t/measure`);
    await page.locator('#measure-files').setInputFiles(new URL('../../questionnaires/examples/deployments.csv', import.meta.url).pathname);
    await page.locator('table.measured').waitFor();
    widths.push(await width('/teams/t/measure with the example CSV'));
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel(say(code, 'Team name')).fill('Payments');
    await page.getByRole('button', { name: say(code, 'Start a workshop') }).click();
    const link = await page.getByRole('textbox', { name: say(code, 'Join link') }).inputValue();
    const workshop = page.url();
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
    // The workshop with that answer collected: its table of answers, with a "Drop"
    // button per row.
    const answer = await page.getByRole('textbox', { name: say(code, 'Answer link') }).inputValue();
    await page.goto(workshop);
    await page.getByLabel(say(code, 'Paste answer codes or links (one or many)')).fill(answer);
    await page.getByRole('button', { name: say(code, 'Add answers') }).click();
    await page.locator('table.submissions').waitFor();
    widths.push(await width('workshop with answers collected'));
    await context.close();
    assert.deepEqual(widths.filter(([, w]) => w > px), [], 'pages wider than the screen');
    assert.deepEqual(escaped, [], 'elements reaching past the screen\'s edge');
  });
}

test('on a 1280 px desktop every table of the team, results and coach\'s pages fits its card', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/blank.html`);
  await page.evaluate((s) => localStorage.setItem('devops-maturity', s), STORE);
  for (const path of ['/teams/t', '/runs/r/results', '/teams']) {
    await page.goto(suite.server.url + path);
    await page.locator('main h1').first().waitFor();
    await page.locator('table').first().waitFor();
    await page.waitForTimeout(1000);
    // No table needs its scrolling box here: every column is in sight.
    const wide = await page.evaluate(() => [...document.querySelectorAll('main table')]
      .map((t) => [t.querySelector('caption')?.textContent ?? '', t.scrollWidth, (t.closest('.table-scroll') ?? t.parentElement).clientWidth])
      .filter(([, table, box]) => table > box));
    assert.deepEqual(wide, [], `${path}: tables wider than their box (a column would hide)`);
    // And nothing reaches past its card.
    const out = await page.evaluate(() => [...document.querySelectorAll('main .card')]
      .flatMap((card) => {
        const edge = card.getBoundingClientRect().right;
        return [...card.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > edge + 0.5 && !el.closest('.table-scroll'))
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().right - edge)} px past its card`);
      }).slice(0, 5));
    assert.deepEqual(out, [], `${path}: elements sticking out of their card`);
  }
  await context.close();
});

test('a facilitator presenting from a 375 px phone: the list stays out of the way, and "Reveal answers" reveals the question on screen', async () => {
  const facilitator = await suite.browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
  const page = await facilitator.newPage();
  await page.goto(`${suite.server.url}/`);
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: /^Westrum\b/ }).check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  const link = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
  // Two participants, so the room disagrees somewhere.
  const codes = [];
  for (const pick of [0, 6]) {
    const other = await suite.browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
    const p = await other.newPage();
    await p.goto(link);
    const done = p.getByRole('button', { name: 'Done: show my answer code' });
    for (let i = 0; i < 50 && !(await done.isVisible()); i++) {
      await p.locator('input[type=radio]:not([value="dont-know"])').nth(pick).check();
      await p.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await p.locator('input[type=radio]:not([value="dont-know"])').nth(pick).check();
    await done.click();
    codes.push(await p.getByRole('textbox', { name: 'Answer link' }).inputValue());
    await other.close();
  }
  await page.getByLabel('Paste answer codes or links (one or many)').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByText('2 answer codes collected').waitFor();
  await page.getByRole('link', { name: 'Open the presenter view' }).click();
  const heading = page.locator('#discussion-heading');
  await heading.waitFor();
  const question = (await heading.textContent()).trim();
  // Scrolled to the button, nothing lies over it: a tap lands on the button itself.
  const reveal = page.getByRole('button', { name: 'Reveal answers' });
  await reveal.scrollIntoViewIfNeeded();
  const onTop = await reveal.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === b || b.contains(hit);
  });
  assert.ok(onTop, 'the "Reveal answers" button is not covered');
  await reveal.click();
  await page.getByRole('table', { name: 'How many chose each answer' }).waitFor();
  assert.equal((await heading.textContent()).trim(), question, 'the same question is still on screen');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'no sideways scrolling');
  await facilitator.close();
});
