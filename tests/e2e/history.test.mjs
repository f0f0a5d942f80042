// Progress over time, and storage that cannot lose data: trends from real runs on
// different dates, comparing runs, looking after teams, reading a store written by
// the first shipped version, a full quota, a corrupt store's download, and two tabs
// editing the same notes. Every page is watched and audited as in journeys.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Suite, eventually } from './harness.mjs';
import { AssessmentApp, STORAGE_KEY, storedWhole } from './app.mjs';

const CALMS = JSON.parse(readFileSync(new URL('../../questionnaires/calms.json', import.meta.url)));
const QUESTIONS = CALMS.questions.filter((q) => !q.retired);
const V1_FIXTURE = readFileSync(new URL('../../crates/core/tests/fixtures/store-v1.json', import.meta.url), 'utf8');

/** Per dimension (in CALMS order: culture, automation, lean, measurement, sharing),
 * [the answer to every question but the last, the answer to the last]. */
const PLANS = [
  { date: '2026-01-15T10:00:00', answers: [[1, 1], [1, 1], [1, 1], [1, 1], [1, 1]] },
  { date: '2026-04-15T10:00:00', answers: [[3, 3], [1, 1], [0, 0], [2, 2], [1, 2]] },
  { date: '2026-07-15T10:00:00', answers: [[4, 4], [2, 2], [0, 0], [2, 2], [1, 2]] },
];
/** Sharing in the last two plans: one answer at 5.0 among 2.5s, under 1 point above 2.5. */
const SHARING_N = QUESTIONS.filter((q) => q.dimension === 'sharing').length;
const SHARING = (2.5 * (SHARING_N - 1) + 5) / SHARING_N;

/** The plan as one answer per question, in the order the app asks them. */
function flatPlan(plan) {
  const order = CALMS.dimensions.map((d) => d.id);
  const count = Object.fromEntries(order.map((d) => [d, QUESTIONS.filter((q) => q.dimension === d).length]));
  const next = Object.fromEntries(order.map((d) => [d, 0]));
  return QUESTIONS.map((q) => {
    const [rest, last] = plan.answers[order.indexOf(q.dimension)];
    return ++next[q.dimension] === count[q.dimension] ? last : rest;
  });
}

/** Scores restated independently from stored answers: choice i of n scores i*10/(n-1). */
function scoresFromStored(answers) {
  const grouped = answers.calms ?? {};
  const out = {};
  for (const d of CALMS.dimensions) {
    const values = QUESTIONS.filter((q) => q.dimension === d.id)
      .map((q) => [q, grouped[q.id.slice('calms.'.length)]])
      .filter(([, v]) => v !== undefined)
      .map(([q, v]) => (v * 10) / (q.choices.length - 1));
    out[d.name] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  }
  return out;
}

const fmt = (n) => (n === null ? '–' : n.toFixed(1));

async function takeCalms(app, plan) {
  const answers = flatPlan(plan);
  for (let i = 0; i < answers.length; i++) {
    await app.choose(answers[i]);
    if (i < answers.length - 1) await app.next();
  }
  await app.finish();
}

/** A table's body rows as arrays of cell texts, row header first. */
async function rows(table) {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

test('three runs on different dates make a trend whose table matches the stored data, and compare shows the deltas', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  for (const plan of PLANS) {
    await w.context.clock.setFixedTime(new Date(plan.date));
    await app.open('/');
    await app.start('Platform');
    await takeCalms(app, plan);
  }
  await page.getByRole('link', { name: 'Team history and trends' }).click();
  await page.getByRole('heading', { level: 1, name: 'Platform' }).waitFor();

  const stored = JSON.parse(await app.stored());
  assert.equal(stored.schema, 4);
  assert.equal(stored.runs.length, 3);
  const byDate = [...stored.runs].sort((a, b) => a.finished_at - b.finished_at);
  assert.deepEqual(byDate.map((r) => r.finished_at), PLANS.map((p) => new Date(p.date).getTime()));

  const table = page.getByRole('table', { name: 'CALMS scores at each finished assessment' });
  const shown = await rows(table);
  assert.equal(shown.length, 3, 'one row per finished run');
  byDate.forEach((run, i) => {
    const expected = scoresFromStored(run.answers);
    // Dates as the language writes them (the browser's Intl, here English).
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(PLANS[i].date));
    assert.ok(shown[i][0].startsWith(day), `row ${i} is dated ${shown[i][0]}, not ${day}`);
    const dims = CALMS.dimensions.map((d) => fmt(expected[d.name]));
    const values = Object.values(expected);
    const overall = values.reduce((a, b) => a + b, 0) / values.length;
    assert.deepEqual(shown[i].slice(1), [...dims, fmt(overall), '0'], `row ${i} (no actions agreed)`);
  });
  // Spot-check the restated scoring against the plan itself.
  assert.deepEqual(shown[2].slice(1, 6), ['10.0', '5.0', '0.0', '5.0', SHARING.toFixed(1)]);
  await page.locator('.trend [data-testid=chart] svg').first().waitFor();

  // The latest run over the previous one, with the stated threshold.
  const latest = await rows(page.getByRole('table', { name: 'Previous and latest assessment by dimension' }));
  assert.deepEqual(latest[0], ['Culture', '7.5', '10.0', '+2.5', 'improved']);
  assert.deepEqual(latest[2], ['Lean', '0.0', '0.0', '+0.0', 'unchanged']);
  await page.getByText(/less than 1.0 point on the 0–10 scale counts as unchanged/).first().waitFor();
  await app.audit('team history with trends');

  // Compare the first and second runs.
  const shownAs = (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  await page.getByLabel('Earlier').selectOption({ label: shownAs(PLANS[0].date) });
  await page.getByLabel('Later').selectOption({ label: shownAs(PLANS[1].date) });
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('table', { name: /^Scores \(0–10\) on / });
  await compare.waitFor();
  const deltas = Object.fromEntries((await rows(compare)).map((r) => [r[0], r.slice(1)]));
  assert.deepEqual(deltas.Culture, ['2.5', '7.5', '+5.0', '▲ improved']);
  assert.deepEqual(deltas.Automation, ['2.5', '2.5', '+0.0', '= unchanged']);
  assert.deepEqual(deltas.Lean, ['2.5', '0.0', '-2.5', '▼ worse']);
  assert.deepEqual(deltas.Measurement, ['2.5', '5.0', '+2.5', '▲ improved']);
  assert.ok(SHARING - 2.5 < 1, 'the plan keeps sharing under the threshold');
  assert.deepEqual(deltas.Sharing, ['2.5', SHARING.toFixed(1), `+${(SHARING - 2.5).toFixed(1)}`, '= unchanged'], 'under the threshold');
  await page.getByText('2 dimensions improved, 1 got worse, 2 unchanged, 0 not comparable.').waitFor();
  await app.audit('compare two runs');
  await w.close();
});

test('a store written by the first version is read, migrated on the next change, and its team looked after', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, V1_FIXTURE]);
  await page.reload();
  await page.getByRole('region', { name: 'Payments' }).waitFor();
  // Markup in a team name is shown as text.
  await page.getByRole('heading', { level: 3, name: 'Search & Discovery <b>' }).waitFor();
  assert.equal(await page.locator('main b').count(), 0);
  assert.equal(await app.stored(), V1_FIXTURE, 'reading alone never rewrites the store');

  await page.getByRole('link', { name: /^History and trends: Payments$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
  await page.getByText('3 assessments, 2 finished.').waitFor();
  const trend = await rows(page.getByRole('table', { name: 'CALMS scores at each finished assessment' }));
  assert.equal(trend.length, 2);
  assert.ok(trend[0][0].startsWith('Jan 1, 2026') || trend[0][0].startsWith('Dec 31, 2025'), trend[0][0]);
  const dora = await rows(page.getByRole('table', { name: /^DORA answers at each finished assessment/ }));
  assert.equal(dora.length, 2, 'both finished runs covered DORA');
  await page.locator('.small-multiple [data-testid=chart] svg').first().waitFor();
  await page.getByLabel('Clusters of the State of DevOps report').selectOption('2021');
  await page.getByRole('columnheader', { name: 'Nearest 2021 cluster' }).waitFor();
  await page.getByText(/^Change failure rate: your team's answers over time \(percent of changes, 0% at the top\), with the 2021 clusters/).waitFor();
  await app.audit('team page of a migrated store');

  // Rename: the first change writes the current schema (4) with every answer kept.
  const v1 = JSON.parse(V1_FIXTURE);
  await page.getByLabel('Team name').fill('Checkout');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  const v2 = JSON.parse(await app.stored());
  assert.equal(v2.schema, 4);
  for (const old of v1.runs) {
    const now = v2.runs.find((r) => r.id === old.id);
    const flat = Object.entries(now.answers).flatMap(([q, group]) =>
      Object.entries(group).map(([rest, v]) => [`${q}.${rest}`, v]));
    assert.deepEqual(Object.fromEntries(flat), old.answers, `answers of ${old.id}`);
    assert.equal(now.started_at, old.started_at);
    assert.equal(now.finished_at, old.finished_at);
  }

  // Renaming to another team's name is refused with the reason.
  await page.getByLabel('Team name').fill('search & discovery <b>');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByText('There is already a team called "Search & Discovery <b>".').waitFor();
  await page.getByLabel('Team name').fill('Checkout');

  // Delete the unfinished run, after confirming.
  const unfinished = page.getByRole('row', { name: /In progress/ });
  await unfinished.getByRole('button', { name: /^Delete the assessment of/ }).click();
  await page.getByText(/Its answers and notes will be gone for good/).waitFor();
  await page.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(JSON.parse(await app.stored()).runs.length, 4, 'keeping deletes nothing');
  await unfinished.getByRole('button', { name: /^Delete the assessment of/ }).click();
  await page.getByRole('button', { name: 'Delete assessment' }).click();
  await page.getByText('2 assessments, 2 finished.').waitFor();
  await page.getByText(/^Deleted the assessment of /).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'runs-heading', 'focus continues from the table heading');

  // Archive: listed apart on the start page, nothing deleted.
  await page.getByRole('button', { name: 'Archive team' }).click();
  await page.getByText(/^Archived: /).waitFor();
  // "Start a new assessment" opens the start page for this team.
  await page.getByRole('link', { name: 'Start a new assessment' }).click();
  assert.equal(await page.getByLabel('Team name').inputValue(), 'Checkout', 'the team is named');
  await page.getByText('Archived teams (1)').click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('heading', { level: 1, name: /Checkout/ }).waitFor();
  await page.getByText('Archived', { exact: true }).waitFor();

  // Delete the team: the confirmation says what goes.
  await page.getByRole('button', { name: 'Delete team…' }).click();
  await page.getByText(/Delete "Checkout" and its 2 assessments \(2 finished\), with all answers, notes and actions\?/).waitFor();
  await app.audit('delete confirmation');
  await page.getByRole('button', { name: 'Delete team and 2 assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'DevOps maturity self-assessment' }).waitFor();
  // The start page says what was deleted, until the user moves on.
  await page.getByRole('status').filter({ hasText: 'Deleted the team “Checkout” and its 2 assessments.' }).waitFor();
  const left = JSON.parse(await app.stored());
  assert.deepEqual(left.teams.map((t) => t.name), ['Search & Discovery <b>']);
  assert.deepEqual(left.runs.map((r) => r.id), ['r-search-0']);
  await w.close();
});

test('a full quota: a clear message, nothing half-written, a backup to download, saving resumes when there is room', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Quota');
  await app.choose(1);
  await app.next();
  const before = await app.stored();
  // Fill the real quota with other keys, to the last few bytes.
  const fillers = await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler.${i++}`, chunk); } catch { /* full at this size */ }
    }
    return i;
  });
  assert.ok(fillers > 5);
  await app.choose(3);
  const alert = page.getByRole('alert');
  await alert.getByText(/storage for this site is full/).waitFor();
  await alert.getByText(/previously saved data is unchanged/).waitFor();
  assert.equal(await app.stored(), before, 'the stored value is exactly the previous one');
  assert.equal(await app.chosen(), 3, 'the answer is kept in this tab');
  const file = await download(page, () => alert.getByRole('button', { name: 'Download a backup of what this tab holds' }).click());
  assert.match(file.name, /^devops-maturity-backup-\d{4}-\d\d-\d\d\.json$/);
  const backup = JSON.parse(file.text);
  assert.equal(Object.keys(backup.runs[0].answers.calms).length, 2, 'the backup has the unsaved answer');
  await app.audit('quota notice');
  // Make room; the next change saves everything and the notice goes.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  await app.next();
  await app.choose(2);
  await eventually(() => page.getByRole('alert').count(), (n) => n === 0, 'notice cleared after a good save');
  assert.equal(Object.keys(JSON.parse(await app.stored()).runs[0].answers.calms).length, 3);
  await w.close();
});

test('a corrupt store is offered as a download, byte for byte', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  const garbage = '{"app":"devops-maturity","schema":2,"teams":[ half a sav';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, garbage]);
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.getByText(/could not be read/).waitFor();
  const file = await download(page, () => alert.getByRole('button', { name: 'Download the unreadable data' }).click());
  assert.equal(file.text, garbage);
  assert.match(file.name, /^devops-maturity-unreadable-/);
  await w.close();
});

test('two tabs editing the same notes: the later save asks instead of overwriting', async () => {
  const w = await suite.context();
  const a = new AssessmentApp(await w.newPage(), suite.server.url, w);
  await a.open('/');
  await a.start('Notes');
  await a.choose(4);
  for (let i = 1; i < QUESTIONS.length; i++) await a.next();
  await a.finish();
  const url = a.page.url().slice(suite.server.url.length);
  const b = new AssessmentApp(await w.newPage(), suite.server.url, w);
  await b.open(url);

  // B starts typing first; A saves while B is still typing.
  await b.page.getByLabel(/What the team wants to remember/).fill('B: deploys wait for a change board.');
  await a.page.getByLabel(/What the team wants to remember/).fill('A: we agreed to try trunk-based development.');
  await a.page.getByLabel(/What the team wants to remember/).blur();
  await a.page.getByText('Notes saved.').waitFor();
  await b.page.getByText(/Updated at .* with changes saved in another tab/).waitFor();
  assert.equal(await b.page.getByLabel(/What the team wants to remember/).inputValue(), 'B: deploys wait for a change board.',
    'what B is typing is never replaced under their fingers');

  // A renames the team meanwhile: B's page follows, and what B is typing stays.
  await a.page.getByRole('link', { name: 'Team history and trends' }).click();
  await a.page.getByLabel('Team name').fill('Notes team');
  await a.page.getByRole('button', { name: 'Rename' }).click();
  await b.page.getByRole('heading', { level: 1, name: 'Results for Notes team' }).waitFor();
  assert.equal(await b.page.getByLabel(/What the team wants to remember/).inputValue(), 'B: deploys wait for a change board.');
  await a.page.goBack();
  await a.page.getByRole('heading', { level: 1, name: 'Results for Notes team' }).waitFor();

  await b.page.getByLabel(/What the team wants to remember/).blur();
  const conflict = b.page.getByRole('alert');
  await conflict.getByText('These notes were changed in another tab while you were editing.').waitFor();
  await conflict.getByText('A: we agreed to try trunk-based development.').waitFor();
  const stored = async () => JSON.parse(await b.page.evaluate(storedWhole, 'devops-maturity')).runs[0].notes;
  assert.equal(await stored(), 'A: we agreed to try trunk-based development.', 'nothing overwritten before B chooses');
  await b.audit('notes conflict');
  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await b.page.getByText('Notes saved.').waitFor();
  assert.equal(await stored(), 'B: deploys wait for a change board.');
  // A was not editing, so it follows B's save live.
  await eventually(() => a.page.getByLabel(/What the team wants to remember/).inputValue(),
    (v) => v === 'B: deploys wait for a change board.', 'tab A shows the saved notes');
  // The notes are listed in the team's history.
  await a.page.getByRole('link', { name: 'Team history and trends' }).click();
  await a.page.getByRole('cell', { name: 'B: deploys wait for a change board.' }).waitFor();
  await a.page.getByText(/One finished assessment so far/).waitFor();
  await w.close();
});
