// A coach's view across teams, and actions run as experiments: three teams'
// backups imported into one browser show on one heat map with what they share,
// sorted, filtered by tag, names hidden for the printout and the CSV; an action
// agreed in a workshop with a target is checked by the team's next assessment and
// shows "Moved as expected" on the results, the team page, the next workshop and
// the coach's page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Suite } from './harness.mjs';
import { AssessmentApp } from './app.mjs';

const dir = mkdtempSync(join(tmpdir(), 'coach-'));
const CALMS = JSON.parse(readFileSync(new URL('../../questionnaires/calms.json', import.meta.url), 'utf8'));
const WESTRUM = JSON.parse(readFileSync(new URL('../../questionnaires/westrum.json', import.meta.url), 'utf8'));
const DIMENSIONS = ['culture', 'automation', 'lean', 'measurement', 'sharing'];
const DAY = 86_400_000;

/** A finished CALMS run answering each dimension's questions at `levels[d]` (0-4). */
function calmsRun(id, team, at, levels) {
  const answers = {};
  for (const q of CALMS.questions.filter((x) => !x.retired)) {
    answers[q.id.slice('calms.'.length)] = levels[DIMENSIONS.indexOf(q.dimension)];
  }
  return { id, team, questionnaires: ['calms'], started_at: at - 600_000, finished_at: at, answers: { calms: answers }, position: 0 };
}

/** One team's backup, as its own browser would download it. */
function backup(team, name, tags, runs) {
  const text = JSON.stringify({
    app: 'devops-maturity', schema: 4, revision: 3, updated_at: Date.UTC(2026, 4, 1),
    teams: [{ id: team, name, created_at: Date.UTC(2026, 0, 1), tags }], runs,
  });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, text);
  return path;
}

const BACKUPS = [
  // Payments: 5.0 in January, 6.5 in April (improved); measurement weakest.
  backup('t-pay', 'Payments', ['Tribe North'], [
    calmsRun('r-pay-1', 't-pay', Date.UTC(2026, 0, 15), [2, 2, 2, 2, 2]),
    calmsRun('r-pay-2', 't-pay', Date.UTC(2026, 3, 15), [3, 3, 3, 1, 3]),
  ]),
  // Search: 8.0; measurement weakest.
  backup('t-search', 'Search', ['Tribe North', 'Client X'], [
    calmsRun('r-search-1', 't-search', Date.UTC(2026, 1, 10), [4, 4, 4, 0, 4]),
  ]),
  // Checkout: 6.0; culture weakest.
  backup('t-check', 'Checkout', ['Tribe South'], [
    calmsRun('r-check-1', 't-check', Date.UTC(2026, 2, 5), [1, 3, 3, 3, 2]),
  ]),
];

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

async function pdfText(page) {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const texts = [];
  for (let i = 1; i <= doc.numPages; i++) {
    texts.push((await (await doc.getPage(i)).getTextContent()).items.map((item) => item.str).join(' '));
  }
  return texts.join(' ').replace(/\s+/g, ' ');
}

/** The heat map's rows as arrays of cell texts, team first. */
async function heatRows(page) {
  return page.locator('#heatmap tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

test('three teams imported: heat map, what they share, sort, tag, hidden names, print and CSV', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  // An empty start page already leads to the coach's page.
  await page.getByRole('link', { name: 'All teams at a glance' }).waitFor();
  for (const file of BACKUPS) {
    await page.getByLabel('Import a backup').setInputFiles(file);
    await page.getByRole('group', { name: 'Confirm the import' }).getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: /^Imported / }).waitFor();
  }
  await page.getByRole('link', { name: 'All teams at a glance' }).click();
  await page.getByRole('heading', { level: 1, name: 'All teams at a glance' }).waitFor();
  await page.getByText('3 of 3 teams shown have a finished assessment of CALMS.').waitFor();

  // One row per team, by name: scores per dimension, overall, movement.
  const rows = await heatRows(page);
  assert.deepEqual(rows.map((r) => r[0]), ['Checkout', 'Payments', 'Search']);
  assert.deepEqual(rows[1].slice(2), ['7.5', '7.5', '7.5', '2.5', '7.5', '6.5', 'improved (+1.5)', '']);
  assert.deepEqual(rows[2].slice(2, 8), ['10.0', '10.0', '10.0', '0.0', '10.0', '8.0']);
  assert.equal(rows[2][8], 'first assessment');
  // A cell opens the run it shows.
  const measurement = page.locator('#heatmap tbody tr').nth(1).getByRole('link', { name: '2.5' });
  assert.match(await measurement.getAttribute('href'), /\/runs\/r-pay-2\/results$/);

  // What they share.
  const shared = page.getByRole('region', { name: 'What is shared' });
  await shared.getByText('Measurement is the weakest dimension for 2 of 3 teams').waitFor();
  await shared.getByText('Culture is the weakest dimension for 1 of 3 teams').waitFor();
  const lowest = await page.locator('#lowest-questions tbody tr th').allTextContents();
  const measurementQuestions = CALMS.questions.filter((q) => q.dimension === 'measurement' && !q.retired).map((q) => q.text);
  assert.ok(measurementQuestions.includes(lowest[0].trim()), `${lowest[0]} is a measurement question`);
  // The portfolio per quarter: Q1 holds three teams' results (Payments' January one).
  const q1 = page.locator('#portfolio-trend tbody tr').filter({ hasText: '2026-Q1' }).filter({ hasText: 'Overall' });
  assert.deepEqual((await q1.locator('td, th').allTextContents()).map((c) => c.trim()), ['2026-Q1', 'Overall', '3', '6.3', '5.0 – 8.0']);
  await app.audit('coach page');

  // Sort by overall (highest first), then by team again.
  await page.getByRole('button', { name: 'Sort by Overall' }).click();
  assert.deepEqual((await heatRows(page)).map((r) => r[0]), ['Search', 'Payments', 'Checkout']);
  assert.equal(await page.locator('#heatmap th[aria-sort=descending]').count(), 1);
  await page.getByRole('button', { name: 'Sort by Culture' }).click();
  assert.deepEqual((await heatRows(page)).map((r) => r[0]), ['Search', 'Payments', 'Checkout']);
  await page.getByRole('button', { name: 'Sort by Culture' }).click();
  assert.deepEqual((await heatRows(page)).map((r) => r[0]), ['Checkout', 'Payments', 'Search'], 'reversed');

  // A tag keeps its teams only.
  await page.getByLabel('Tag').selectOption('Tribe North');
  assert.deepEqual((await heatRows(page)).map((r) => r[0]).sort(), ['Payments', 'Search']);
  await page.getByText('2 of 2 teams shown have a finished assessment of CALMS.').waitFor();
  await page.getByLabel('Tag').selectOption('');

  // Names hidden: the page, the printout and the CSV say Team A, B, C.
  await page.getByLabel(/Hide team names/).check();
  const hidden = (await heatRows(page)).map((r) => r[0]);
  assert.deepEqual(hidden, ['Team A', 'Team B', 'Team C']);
  const printed = await pdfText(page);
  assert.match(printed, /Team A/);
  assert.match(printed, /Measurement is the weakest dimension for 2 of 3 teams/);
  for (const name of ['Checkout', 'Payments', 'Search']) assert.ok(!printed.includes(name), `${name} is not printed`);
  assert.ok(!printed.includes('Hide team names'), 'the filters are not printed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  const csvPath = join(dir, download.suggestedFilename());
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  assert.match(csv, /"Team B",".+",7\.5,7\.5,7\.5,2\.5,7\.5,6\.5,5\.0,"improved",0/);
  for (const name of ['Checkout', 'Payments', 'Search']) assert.ok(!csv.includes(name), `${name} is not in the CSV`);
  await app.audit('coach page, names hidden');

  // Archived teams only when asked.
  await page.getByLabel(/Hide team names/).uncheck();
  await app.open('/teams/t-check');
  await page.getByRole('button', { name: 'Archive team' }).click();
  await app.open('/teams');
  await page.getByText('2 of 2 teams shown have a finished assessment of CALMS.').waitFor();
  await page.getByLabel('Include archived teams').check();
  await page.getByText('3 of 3 teams shown have a finished assessment of CALMS.').waitFor();
  // An archived team shown is marked so.
  const marked = await heatRows(page);
  assert.deepEqual(marked.map((r) => r[0]), ['Checkout Archived', 'Payments', 'Search']);
  await w.close();
});

test('an experiment agreed in a workshop is checked by the next assessment', async () => {
  const f = await suite.context();
  const page = await f.newPage();
  const app = new AssessmentApp(page, suite.server.url, f);
  await app.open('/');
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await app.questionnaire('Westrum').check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  await page.getByRole('heading', { level: 1, name: /^Workshop for Payments/ }).waitFor();
  const joinLink = await page.getByRole('textbox', { name: 'Join link' }).inputValue();

  // One participant answers the second choice throughout.
  const p = await suite.context();
  const phone = await p.newPage();
  const participant = new AssessmentApp(phone, suite.server.url, p);
  await phone.goto(joinLink);
  await phone.getByText(/^Question 1 of 6$/).waitFor();
  for (let i = 0; i < 6; i++) {
    await participant.choose(1);
    if (i < 5) await participant.next();
  }
  await phone.getByRole('button', { name: 'Done: show my answer code' }).click();
  const link = await phone.getByRole('textbox', { name: 'Answer link' }).inputValue();
  await p.close();
  await page.getByLabel('Paste answer codes or links (one or many)').fill(link);
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByText('1 answer code collected').waitFor();

  // The room agrees an experiment: who brings bad news should be heard.
  const messengers = WESTRUM.questions.find((q) => q.id === 'westrum.messengers').text;
  await page.getByLabel('Action', { exact: true }).fill('Thank whoever raises a problem, in the retro');
  await page.getByLabel('Owner (optional)').fill('Sam');
  await page.getByLabel('What should it move? (optional)').selectOption({ label: messengers });
  await page.getByLabel('Expected direction').selectOption({ label: 'Score rises' });
  await page.getByLabel('Check by').fill('2021-03-31');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByText(`aim: Westrum culture · ${messengers} rises`).waitFor();
  await app.audit('workshop with an experiment');
  await page.getByRole('button', { name: 'Save the workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Results for Payments' }).waitFor();
  const stored = JSON.parse(await app.stored());
  const agreed = stored.runs[0];
  assert.deepEqual(agreed.actions[0].target, { questionnaire: 'westrum', question: 'westrum.messengers', direction: 'up' });
  assert.equal(agreed.actions[0].due, '2021-03-31');
  // Its check-by date has passed with no assessment since: overdue.
  await page.getByText('Overdue').first().waitFor();
  await app.open(`/teams/${agreed.team}`);
  await page.getByText('1 action is overdue: its check-by date has passed with no assessment since.').first().waitFor();

  // The team takes Westrum again, answering better.
  await app.open('/');
  await app.start('Payments', { questionnaires: ['Westrum'] });
  for (let i = 0; i < 6; i++) {
    await app.choose(5);
    if (i < 5) await app.next();
  }
  await app.finish();
  const checked = page.getByRole('region', { name: 'Experiments this assessment checked' });
  const item = checked.getByRole('listitem');
  await item.getByText(/Thank whoever raises a problem, in the retro .*: 1\.7 → 8\.3/).waitFor();
  const said = (await item.textContent()).trim();
  assert.match(said, /: 1\.7 → 8\.3 Moved as expected$/);
  assert.equal(said.split('Moved as expected').length - 1, 1, 'the outcome is said once, not twice to a screen reader');
  await app.audit('results with a checked experiment');

  // The team page: the timeline and the table of experiments.
  await app.open(`/teams/${agreed.team}`);
  await page.getByRole('cell', { name: /Checked 1 experiment: Moved as expected/ }).waitFor();
  const table = page.getByRole('table', { name: 'Every action agreed with a target, oldest first' });
  const row = (await table.locator('tbody tr').first().locator('th, td').allTextContents()).map((c) => c.trim());
  assert.match(row[1], /^Thank whoever raises a problem, in the retro · Sam · check by 2021-03-31$/);
  assert.equal(row[4], '1.7 → 8.3');
  assert.equal(row[5], 'Moved as expected');
  await page.getByText('Moved as expected: 1 of 1 checked.').waitFor();
  assert.equal(await page.getByText(/actions? (is|are) overdue/).count(), 0, 'checked: no longer overdue');

  // The next workshop's "last time's actions" and the coach's page say so too.
  await app.open('/');
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await app.questionnaire('Westrum').check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  const last = page.getByRole('region', { name: "Last time's actions: did we do them?" });
  await last.getByText('Moved as expected').waitFor();
  await app.open('/teams');
  await page.getByLabel('Questionnaire').selectOption({ label: 'Westrum culture' });
  const across = page.getByRole('table', { name: 'Experiments across teams' });
  const cells = (await across.locator('tbody tr').first().locator('th, td').allTextContents()).map((c) => c.trim());
  assert.equal(cells[0], 'Payments');
  assert.equal(cells.at(-1), 'Moved as expected');
  await f.close();
});
