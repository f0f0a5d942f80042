// User journeys against the release build, served statically, in headless Chromium.
// Every test also fails on page errors, console errors, off-origin requests and
// axe violations on the pages it visits (see harness.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Suite, eventually } from './harness.mjs';
import { AssessmentApp, STORAGE_KEY } from './app.mjs';

const CALMS = JSON.parse(readFileSync(new URL('../../questionnaires/calms.json', import.meta.url)));
const QUESTIONS = CALMS.questions.filter((q) => !q.retired);
/** How many questions CALMS asks in dimension `id` today. */
const asked = (id) => QUESTIONS.filter((q) => q.dimension === id).length;

/** The scoring rules restated independently: choice i of n scores i*10/(n-1). */
function expectedScores(answers) {
  const byDim = {};
  QUESTIONS.forEach((q, i) => {
    if (answers[i] === undefined) return;
    (byDim[q.dimension] ??= []).push((answers[i] * 10) / (q.choices.length - 1));
  });
  const dims = CALMS.dimensions.map((d) => {
    const s = byDim[d.id];
    return { name: d.name, score: s ? s.reduce((a, b) => a + b, 0) / s.length : null };
  });
  const scored = dims.filter((d) => d.score !== null);
  const overall = scored.reduce((a, d) => a + d.score, 0) / scored.length;
  return { dims, overall };
}

function assertShown(shown, expected, what) {
  assert.ok(Math.abs(Number(shown) - expected) <= 0.05 + 1e-9, `${what}: shows ${shown}, expected ${expected.toFixed(3)}`);
}

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

test('a new user sees the questionnaires and an empty history', async () => {
  const w = await suite.context();
  const app = new AssessmentApp(await w.newPage(), suite.server.url, w);
  await app.open('/');
  assert.ok(await app.questionnaire('CALMS').isChecked(), 'CALMS is offered and preselected');
  await app.page.getByText('No assessments yet').waitFor();
  await app.audit('home, empty');
  await w.close();
});

test('a team takes CALMS with the mouse, changes an answer, and sees honest results', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Payments');
  assert.deepEqual(await app.progress(), { at: 1, of: QUESTIONS.length });
  assert.equal(await app.questionText(), QUESTIONS[0].text);
  assert.equal(await page.getByRole('button', { name: 'Previous' }).isDisabled(), true);
  await app.audit('question page');

  // Culture high, Automation middling, Lean lowest, Measurement middle, Sharing high:
  // each dimension's answers alternate between two values, whatever its length.
  const pattern = { culture: [4, 3], automation: [3, 2], lean: [0, 1], measurement: [2, 3], sharing: [4, 3] };
  const seen = {};
  const plan = QUESTIONS.map((q) => {
    const k = (seen[q.dimension] = (seen[q.dimension] ?? -1) + 1);
    return pattern[q.dimension][k % 2];
  });
  const dimensionOrder = QUESTIONS.map((q) => q.dimension);
  assert.deepEqual([...new Set(dimensionOrder)], CALMS.dimensions.map((d) => d.id), 'questions grouped by dimension');

  for (let i = 0; i < QUESTIONS.length; i++) {
    assert.equal((await app.progress()).at, i + 1);
    // First answer question 2 wrongly, to change it after going back.
    await app.choose(i === 1 ? 0 : plan[i]);
    if (i === 2) {
      await app.previous();
      assert.equal(await app.chosen(), 0, 'the earlier answer is still selected');
      await app.choose(plan[1]);
      await app.next();
      assert.equal(await app.chosen(), plan[2], 'moving back and forth keeps answers');
    }
    if (i < QUESTIONS.length - 1) await app.next();
  }
  assert.equal(await page.getByText(/unanswered/).count(), 0, 'no unanswered warning when all are answered');
  // ECharts is downloaded only once a page shows a chart.
  assert.equal(w.requests.filter((u) => u.includes('echarts')).length, 0, 'no ECharts before the results');
  await app.finish();

  const expected = expectedScores(plan);
  const table = await app.scoreTable('CALMS scores by dimension');
  for (const d of expected.dims) {
    assertShown(table[d.name][0], d.score, d.name);
    const n = asked(CALMS.dimensions.find((x) => x.name === d.name).id);
    assert.equal(table[d.name][1], `${n} of ${n}`);
  }
  assertShown(table.Overall[0], expected.overall, 'overall in table');
  assertShown(await page.locator('.overall .big').textContent(), expected.overall, 'overall headline');
  await page.getByText(/^Weakest dimension: Lean/).waitFor();
  const advice = page.locator('.advice li');
  const firstLean = QUESTIONS.find((q) => q.dimension === 'lean');
  assert.ok((await advice.first().textContent()).startsWith(firstLean.advice), 'advice starts with the lowest-scored Lean question');
  // And names where it comes from: the question's source, with the document's year.
  await advice.first().getByText(/^Source: /).waitFor();

  // The radar is drawn from the vendored ECharts, on our own origin.
  await page.locator('[data-testid=chart] svg').first().waitFor();
  await page.getByText('Radar of the scores in the table').waitFor();
  assert.ok(w.requests.some((u) => u === `${suite.server.url}/vendor/echarts.min.js`));
  await app.audit('results page');

  // Reload: the finished run is listed for the team.
  await app.open('/');
  const team = page.getByRole('region', { name: 'Payments' });
  await team.getByText(/^Finished: overall \d+\.\d \/ 10$/).waitFor();
  await page.reload();
  await team.getByRole('link', { name: /^View results/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Results for Payments' }).waitFor();
  await app.audit('home with history');
  await w.close();
});

test('a whole run can be done with the keyboard alone', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  const kb = page.keyboard;
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName, id: e?.id, text: e?.textContent?.trim(), type: e?.getAttribute('type') };
  });
  const tabUntil = async (ok, what) => {
    for (let i = 0; i < 12; i++) {
      await kb.press('Tab');
      if (ok(await focused())) return;
    }
    assert.fail(`keyboard focus never reached ${what}`);
  };
  await tabUntil((f) => f.id === 'team-name', 'the team name');
  await kb.type('Platform crew');
  await kb.press('Enter');
  await page.getByText(`Question 1 of ${QUESTIONS.length}`).waitFor();
  // Arriving at the first question, focus is on its heading, outlined quietly.
  const arrived = await eventually(() => focused(), (f) => f.tag === 'H2', 'focus on the question');
  assert.equal(arrived.text, QUESTIONS[0].text);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focus is visible');

  const plan = QUESTIONS.map((_, i) => i % 5);
  for (let i = 0; i < QUESTIONS.length; i++) {
    await tabUntil((f) => f.type === 'radio', 'an answer');
    if (plan[i] === 0) await kb.press('Space');
    for (let k = 0; k < plan[i]; k++) await kb.press('ArrowDown');
    assert.equal(await app.chosen(), plan[i], `question ${i + 1} answered by keyboard`);
    const last = i === QUESTIONS.length - 1;
    await tabUntil((f) => f.text === (last ? 'Finish and see results' : 'Next'), 'the next button');
    await kb.press('Enter');
    if (!last) {
      await eventually(() => app.progress(), (p) => p.at === i + 2, 'next question shown');
      const f = await focused();
      assert.equal(f.text, QUESTIONS[i + 1].text, 'focus moves to the new question');
    }
  }
  await page.getByRole('heading', { level: 1, name: 'Results for Platform crew' }).waitFor();
  const expected = expectedScores(plan);
  const table = await app.scoreTable('CALMS scores by dimension');
  assertShown(table.Overall[0], expected.overall, 'overall');
  await w.close();
});

test('closing the tab mid-way loses nothing and resumes where it stopped', async () => {
  const w = await suite.context();
  let page = await w.newPage();
  let app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Checkout');
  await app.choose(1);
  await app.next();
  await app.choose(3);
  await app.next();
  await app.choose(2); // answered, but Next not pressed
  const url = page.url();
  await page.close();

  page = await w.newPage();
  app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  const team = page.getByRole('region', { name: 'Checkout' });
  await team.getByText(`In progress: 3 of ${QUESTIONS.length} answered`).waitFor();
  await team.getByRole('link', { name: /^Resume/ }).click();
  await page.waitForURL(url);
  assert.deepEqual(await app.progress(), { at: 3, of: QUESTIONS.length });
  assert.equal(await app.chosen(), 2);
  await app.previous();
  assert.equal(await app.chosen(), 3);
  await app.previous();
  assert.equal(await app.chosen(), 1);
  await w.close();
});

test('finishing with unanswered questions says so and leaves them out of the score', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Search');
  await app.choose(4);
  for (let i = 1; i < QUESTIONS.length; i++) await app.next();
  await page.getByText(`${QUESTIONS.length - 1} unanswered; they will not count`).waitFor();
  await app.finish();
  const table = await app.scoreTable('CALMS scores by dimension');
  assert.deepEqual(table.Culture, ['10.0', `1 of ${asked('culture')}`]);
  assert.deepEqual(table.Lean, ['not answered', `0 of ${asked('lean')}`]);
  assert.deepEqual(table.Overall, ['10.0', `1 of ${QUESTIONS.length}`]);
  await page.getByText(/needs at least 3 scored dimensions/).waitFor();
  await app.audit('results with one answer');
  // A finished run can be reopened to change answers; the results follow.
  await page.getByRole('button', { name: 'Change answers' }).click();
  await page.getByText(`Question ${QUESTIONS.length} of ${QUESTIONS.length}`).waitFor();
  await app.choose(0);
  await app.finish();
  const after = await app.scoreTable('CALMS scores by dimension');
  assert.deepEqual(after.Sharing, ['0.0', `1 of ${asked('sharing')}`]);
  assert.deepEqual(after.Overall, ['5.0', `2 of ${QUESTIONS.length}`]);
  await w.close();
});

test('a corrupt store does not crash the app: it is backed up and explained', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  const garbage = '{"app":"devops-maturity","schema":1,"teams":[oops';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, garbage]);
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.getByText(/could not be read: it is not a complete file written by this app/).waitFor();
  const backupKey = /under "([^"]+)"/.exec(await alert.textContent())[1];
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backupKey), garbage, 'raw text kept as it was');
  await app.audit('home with a storage notice');
  // The app works: a new run is saved beside the backup.
  await app.start('Mobile');
  await app.choose(2);
  const saved = JSON.parse(await app.stored());
  assert.equal(saved.teams[0].name, 'Mobile');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backupKey), garbage);
  await w.close();
});

test('foreign data is backed up, and data from a newer version is never overwritten', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await page.evaluate((k) => localStorage.setItem(k, '{"todos":[1,2]}'), STORAGE_KEY);
  await page.reload();
  const foreign = page.getByRole('alert');
  await foreign.getByText(/it was not written by this app/).waitFor();
  const foreignKey = /under "([^"]+)"/.exec(await foreign.textContent())[1];
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), foreignKey), '{"todos":[1,2]}');

  const newer = '{"app":"devops-maturity","schema":99,"revision":7,"future":true}';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, newer]);
  await page.reload();
  await page.getByRole('alert').getByText(/saved by a newer version of this app/).waitFor();
  await app.start('Data');
  await app.choose(1);
  await app.next();
  assert.equal(await app.stored(), newer, 'the newer data is left exactly as it was');
  await w.close();
});

test('storage that throws on access still lets the team work, and says nothing is kept', async () => {
  const w = await suite.context();
  await w.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await page.getByRole('alert').getByText(/nothing will be kept/).waitFor();
  await app.start('Offline');
  await app.choose(3);
  await app.next();
  await app.previous();
  assert.equal(await app.chosen(), 3, 'answers are kept in memory for this tab');
  await w.close();
});

test('an unknown address or run shows a way back, not a blank page', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await app.open('/runs/r-nope');
  await page.getByRole('heading', { level: 1, name: 'Assessment not found' }).waitFor();
  await app.open('/runs/r-nope/results');
  await page.getByRole('heading', { level: 1, name: 'Results not found' }).waitFor();
  await app.audit('not found');
  await w.close();
});

test('one run can cover several questionnaires, each with its own results', async () => {
  const bank = (f) => JSON.parse(readFileSync(new URL(`../../questionnaires/${f}.json`, import.meta.url)));
  const banks = [CALMS, bank('three-ways'), bank('team-topologies'), bank('westrum')];
  const total = banks.reduce((n, b) => n + b.questions.filter((q) => !q.retired).length, 0);
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Platform', { questionnaires: banks.map((b) => b.title) });
  await page.getByRole('heading', { level: 1, name: /^CALMS \+ The Three Ways \+ Team Topologies \+ Westrum culture/ }).waitFor();
  assert.deepEqual(await app.progress(), { at: 1, of: total });
  // Everyone at the top of every scale: the last choice, whatever the scale's length.
  // ...except the first Three Ways question (flow), at the bottom: one thing to work on.
  const firstThreeWays = CALMS.questions.filter((q) => !q.retired).length;
  for (let i = 0; i < total; i++) {
    const n = await app.choices().count();
    await app.choose(i === firstThreeWays ? 0 : n - 1);
    if (i === total - 1) break;
    await app.next();
  }
  assert.equal(await app.choices().count(), 7, 'Westrum asks on a seven-point scale');
  await app.finish();
  // The Three Ways: flow has one answer at 0 among its questions, the other two
  // dimensions 10; the overall is the mean of the three dimensions.
  const flow = banks[1].questions.filter((q) => !q.retired && q.dimension === 'flow').length;
  const flowScore = (10 * (flow - 1)) / flow;
  const threeWaysOverall = ((flowScore + 20) / 3).toFixed(1);
  const overall = { CALMS: '10.0', 'The Three Ways': threeWaysOverall, 'Team Topologies': '10.0', 'Westrum culture': '10.0' };
  for (const b of banks) {
    const table = await app.scoreTable(`${b.title} scores by dimension`);
    assert.deepEqual(Object.keys(table), [...b.dimensions.filter((d) => d.scored !== false).map((d) => d.name), 'Overall']);
    assert.equal(table.Overall[0], overall[b.title], `${b.title} overall`);
  }
  // The overview: every framework's overall, and where to start across them.
  const summary = await app.scoreTable('Overall score per questionnaire (0–10)');
  assert.deepEqual(Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, v[0]])), overall);
  const start = page.getByRole('region', { name: 'Overview' }).getByRole('list').first();
  const items = await start.locator(':scope > li > strong').allTextContents();
  assert.deepEqual(items, [`Flow (The Three Ways): ${flowScore.toFixed(1)} / 10 from ${flow} of ${flow} questions`]);
  const threeWaysBank = banks[1].questions.filter((q) => !q.retired);
  await start.getByText(threeWaysBank[0].advice).waitFor();
  await start.getByText(/^Source: The DevOps Handbook/).first().waitFor();
  // Team type and interaction modes are findings, not scores.
  const tt = page.getByRole('region', { name: 'Team Topologies' });
  await tt.getByRole('definition').filter({ hasText: /^Service team: We build or run pieces of infrastructure/ }).waitFor();
  await tt.getByRole('term').filter({ hasText: /^Team type: Which description fits your team best/ }).waitFor();
  assert.equal(await tt.getByRole('rowheader', { name: 'Team type' }).count(), 0, 'the team type is not scored');
  // Everyone chose the last option: "No dependency"/"No such team", "Not applicable".
  const map = await app.scoreTable('Interaction-mode map');
  assert.deepEqual(map, {
    'The team you depend on most': ['No dependency', 'Not applicable'],
    'Your platform team': ['No such team', 'Not applicable'],
    'Enabling teams': ['No such team', 'Not applicable'],
    'Complicated-subsystem teams': ['No such team', 'Not applicable'],
  });
  await tt.getByText('Nothing flagged.').waitFor();
  await tt.getByRole('heading', { name: 'Cognitive load' }).waitFor();
  for (const load of ['Intrinsic load', 'Extraneous load', 'Germane load']) {
    await tt.getByText(`${load}: 10.0 / 10`).waitFor();
  }
  // The overview links to each questionnaire's section.
  await page.getByRole('region', { name: 'Overview' }).getByRole('link', { name: 'Team Topologies' }).click();
  // On this page: the link carries the page's own path (the page has a <base>).
  assert.ok(page.url().endsWith('/results#result-team-topologies'), page.url());
  const westrum = page.getByRole('region', { name: 'Westrum culture' });
  await westrum.getByRole('table').waitFor();
  // Westrum also as DORA reports it: the mean agreement on the 1–7 scale.
  assert.equal((await westrum.locator('.own-scale').textContent()).trim(), '7.0 of 7');
  assert.equal(await page.locator('.own-scale').count(), 1, 'only Westrum has an own scale');
  assert.equal(await westrum.locator('[data-testid=chart], .chart-empty').count(), 0,
    'a one-dimension questionnaire gets a table, not an empty chart');
  const threeWays = page.getByRole('region', { name: 'The Three Ways' });
  await threeWays.locator('[data-testid=chart] svg').first().waitFor();
  // "Skip to content" moves focus to the content and stays on this page.
  const here = page.url();
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'main', 'focus on the content');
  assert.equal(page.url(), here, 'still on this page');
  await westrum.getByRole('table').waitFor();
  await app.audit('results of a three-questionnaire run');
  await app.open('/');
  await page.getByRole('region', { name: 'Platform' })
    .getByText(`Finished: CALMS 10.0 / 10, The Three Ways ${threeWaysOverall} / 10, Team Topologies 10.0 / 10, Westrum culture 10.0 / 10`).waitFor();
  await w.close();
});

test('DORA: a team matching a published profile sees that cluster, and editions differ', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Billing', { questionnaires: ['DORA delivery metrics'] });
  // 2024's medium profile: weekly-to-monthly deploys and lead time, recovery within
  // the day, 10% change failure rate.
  await app.choose(2); // lead time: one week to one month
  await app.next();
  await app.choose(2); // deployment frequency: once a week to once a month
  await app.next();
  await app.choose(5); // recovery: less than one hour
  await app.next();
  const percent = page.getByLabel('Percentage of deployments');
  await percent.pressSequentially('10');
  await app.audit('a percentage question');
  await app.next();
  // Typed key by key, "150" passes through "1" and "15": none of them may be saved.
  await percent.pressSequentially('150');
  assert.equal(await percent.getAttribute('aria-invalid'), 'true', 'an impossible percentage is flagged');
  await percent.press('Tab');
  await app.previous();
  assert.equal(await percent.inputValue(), '10', 'percentages are kept');
  await app.next();
  assert.equal(await percent.inputValue(), '', 'an invalid percentage was never saved');
  await percent.pressSequentially('5');
  assert.equal(await percent.getAttribute('aria-invalid'), 'false');
  await app.finish();

  const metrics = await app.scoreTable('DORA metrics: your answers and Quick-Check scores');
  assert.deepEqual(metrics['Change failure rate'], ['10%', '9.0']);
  assert.deepEqual(metrics['Deployment rework rate'], ['5%', '9.5']);
  assert.deepEqual(metrics['Lead time for changes'], ['Between one week and one month', '4.0']);
  assert.deepEqual(metrics['Failed deployment recovery time'], ['Less than one hour', '10.0']);
  // The Quick Check's overall: the mean of the five metric scores (4, 4, 10, 9, 9.5),
  // not of throughput (6.0) and stability (9.25).
  assertShown(await page.locator('.overall .big').textContent(), 7.3, 'DORA overall');
  await page.getByText('Nearest 2024 cluster: Medium (35% of respondents that year).').waitFor();
  await page.getByText(/^About 2024: In 2024 the medium cluster had a lower change failure rate/).waitFor();
  await page.locator('[data-testid=chart] svg').first().waitFor();
  await app.audit('DORA results');

  // Mark the chart's element: an edition switch must update this chart, not replace it.
  await page.locator('[data-testid=chart]').evaluate((e) => { e.dataset.original = 'yes'; });
  const edition = page.getByLabel('Compare with the clusters of the State of DevOps report');
  await edition.selectOption('2023');
  await page.getByText('Nearest 2023 cluster: High (31% of respondents that year).').waitFor();
  await edition.selectOption('2022');
  await page.getByText('Nearest 2022 cluster: Medium (69% (?) of respondents that year).').waitFor();
  await page.getByText('About 2022: 2022 found no elite cluster: its best cluster is called high.').waitFor();
  const clusters = await app.scoreTable('The 2022 clusters as published, and your distance from each');
  assert.deepEqual(Object.keys(clusters), ['High', 'Medium (nearest)', 'Low']);
  assert.equal(await page.locator('[data-testid=chart][data-original=yes] svg').count(), 1,
    'the same chart element, updated rather than re-created');
  await w.close();
});

test('DORA: a team answers "Don\'t know", sees it counted and advised, and compares with its industry and size', async () => {
  const dora = JSON.parse(readFileSync(new URL('../../questionnaires/dora.json', import.meta.url)));
  const leadTime = dora.questions.find((q) => q.id === 'dora.lead-time');
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Ledger', { questionnaires: ['DORA delivery metrics'] });
  await app.dontKnow().check(); // lead time: nobody knows
  await app.audit('a question answered "Don\'t know"');
  await app.next();
  await app.choose(3); // deployment frequency: the fourth of six options
  await app.next();
  await app.choose(4); // recovery time: the fifth of six options
  await app.next();
  await page.getByLabel('Percentage of deployments').pressSequentially('20');
  await app.next();
  await app.dontKnow().check(); // rework rate: a percentage nobody knows either
  await app.previous();
  await app.next();
  assert.equal(await app.dontKnow().isChecked(), true, '"Don\'t know" is kept like any answer');
  await app.finish();

  // Counted apart: not in the score, not a zero.
  const metrics = await app.scoreTable('DORA metrics: your answers and Quick-Check scores');
  assert.deepEqual(metrics['Lead time for changes'], ["Don't know", '–']);
  assert.deepEqual(metrics['Deployment rework rate'], ["Don't know", '–']);
  assert.deepEqual(metrics['Deployment frequency'], [dora.questions.find((q) => q.id === 'dora.deployment-frequency').choices[3].label, '6.0']);
  // The overall is the mean of the three answered metrics (6, 8, 8), not of five.
  assertShown(await page.locator('.overall .big').first().textContent(), (6 + 8 + 8) / 3, 'DORA overall');
  await page.getByText(/from 3 of 5 questions; 2 answered “Don't know”/).waitFor();
  const unknown = page.getByRole('region', { name: /What you don't know yet \(2\)/ });
  await unknown.getByText(leadTime.text).waitFor();
  await unknown.getByText(leadTime.if_unknown).waitFor();
  await unknown.getByText(/^Source: /).first().waitFor();

  // Peers: pick an industry and a size; the 2025 survey is shown first.
  await page.getByLabel('Industry').selectOption({ label: 'Financial services' });
  await page.getByLabel('Organisation size').selectOption({ label: '1,000 to 4,999 employees' });
  let peers = await app.scoreTable('Your DORA scores (0–10, higher is better) beside your peers in the DORA 2025 survey');
  assert.deepEqual(peers['Deployment frequency'], ['6.0', '5.1 ± 2.6 · you: within', '4.7 ± 2.7 · you: within']);
  // 20% failures score 8.0; financial services 2025 stores 1.7 (17%), shown 8.3.
  assert.deepEqual(peers['Change failure rate'], ['8.0', '8.3 ± 2.1 · you: within', '8.1 ± 2.1 · you: within']);
  // Recovery: the 2025 size file's inverted figure is corrected (2.6 -> 7.4).
  assert.equal(peers['Failed deployment recovery time'][2], '7.4 ± 2.2 · you: within');
  assert.deepEqual(peers['Lead time for changes'][0], '–');
  await app.audit('DORA benchmarks');
  await page.getByLabel('Survey').selectOption('2024');
  peers = await app.scoreTable('Your DORA scores (0–10, higher is better) beside your peers in the DORA 2024 survey');
  assert.deepEqual(peers['Deployment frequency'], ['6.0', '5.2 ± 2.7 · you: within', '5.3 ± 2.9 · you: within']);
  assert.deepEqual(peers['Deployment rework rate'], ['–', 'not surveyed', 'not surveyed']);

  // Kept with the team: a reload shows the same peers.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /^Results for Ledger/ }).waitFor();
  assert.equal(await page.getByLabel('Industry').inputValue(), 'financial_services');
  assert.equal(await page.getByLabel('Organisation size').inputValue(), '1000-4999');
  const team = JSON.parse(await app.stored()).teams.find((t) => t.name === 'Ledger');
  assert.deepEqual([team.industry, team.size], ['financial_services', '1000-4999']);
  await w.close();
});

test('two tabs: each sees what the other changed, and neither overwrites the other', async () => {
  const w = await suite.context();
  const a = new AssessmentApp(await w.newPage(), suite.server.url, w);
  await a.open('/');
  const b = new AssessmentApp(await w.newPage(), suite.server.url, w);
  await b.open('/');
  await b.start('Tab B');
  await b.choose(2);
  // Tab A notices without a reload.
  await a.page.getByRole('region', { name: 'Tab B' }).getByText(`In progress: 1 of ${QUESTIONS.length} answered`).waitFor();
  // Tab A loaded before B's run existed; its own changes must keep B's run...
  await a.start('Tab A');
  await a.choose(4);
  // ...and B's next answer must keep A's run.
  await b.next();
  await b.choose(1);
  const stored = JSON.parse(await a.stored());
  const byTeam = Object.fromEntries(stored.teams.map((t) => [t.name, t.id]));
  assert.deepEqual(Object.keys(byTeam).sort(), ['Tab A', 'Tab B']);
  // Stored answers are grouped by questionnaire: { calms: { 'culture.x': 2 } }.
  const answers = (name) => Object.values(stored.runs.find((r) => r.team === byTeam[name]).answers)
    .reduce((n, group) => n + Object.keys(group).length, 0);
  assert.equal(answers('Tab A'), 1);
  assert.equal(answers('Tab B'), 2);
  await w.close();
});
