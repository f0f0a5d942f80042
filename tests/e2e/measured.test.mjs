// DORA measured from deployment records: a team drops the example CSV, GitHub's
// deployments (with statuses and commits) or GitLab's, sees each metric measured
// beside what it answered, records a measured assessment and finds it on its results
// and its DORA chart; a broken file is refused with its row and column, and nothing
// changes. Every page is watched (no request off the origin, no console error) and
// audited with axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Suite } from './harness.mjs';
import { AssessmentApp } from './app.mjs';

const here = (path) => new URL(path, import.meta.url);
const EXAMPLE = readFileSync(here('../../questionnaires/examples/deployments.csv'));
const FIXTURES = '../../crates/core/tests/fixtures/deployments/';
const fixture = (name) => ({ name, mimeType: 'application/json', buffer: readFileSync(here(FIXTURES + name)) });
const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const DORA = JSON.parse(readFileSync(here('../../questionnaires/dora.json')));
const label = (id, i) => DORA.questions.find((q) => q.id === `dora.${id}`).choices[i].label;
const day = (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

/** A table's body rows as { row header: [cells] }. */
async function rows(table) {
  const list = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  return Object.fromEntries(list.map((r) => [r[0], r.slice(1)]));
}

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

async function openMeasure(app, page) {
  await page.getByRole('link', { name: 'Measure DORA from deployment records' }).click();
  await page.getByRole('heading', { level: 1, name: /DORA measured from deployment records$/ }).waitFor();
}

test('the example CSV downloads from the measure page, at the root and under a path', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Delivery', { questionnaires: ['DORA delivery metrics'] });
  const team = JSON.parse(await app.stored()).teams[0].id;
  await app.open(`/teams/${team}/measure`);
  await page.getByRole('heading', { level: 1, name: /DORA measured from deployment records$/ }).waitFor();
  await page.getByText('Which files can it read?').click();
  const link = page.getByRole('link', { name: 'Download an example CSV' });
  assert.equal(await link.evaluate((a) => a.href), `${suite.server.url}/examples/deployments.csv`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  assert.deepEqual(readFileSync(path), EXAMPLE, 'the example file, byte for byte');
  await w.close();
});

test('the example CSV measured beside the team\'s answers, recorded as a measured assessment, on results and the DORA chart', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await w.context.clock.setFixedTime(new Date('2026-11-25T10:00:00'));
  await app.open('/');
  await app.start('Delivery', { questionnaires: ['DORA delivery metrics'] });
  await app.choose(5); // lead time: less than an hour (optimistic)
  await app.next();
  await app.choose(3); // deployment frequency: daily to weekly
  await app.next();
  await app.choose(2); // recovery: a week to a month (pessimistic)
  await app.next();
  await page.getByLabel('Percentage of deployments').pressSequentially('5');
  await app.next();
  await page.getByLabel('Percentage of deployments').pressSequentially('20');
  await app.finish();
  await page.getByRole('link', { name: 'Team history and trends' }).click();
  await page.getByRole('heading', { level: 1, name: 'Delivery' }).waitFor();
  await openMeasure(app, page);
  await app.audit('measure page before any file');

  await page.getByLabel(/^Deployment records/).setInputFiles({ name: 'deployments.csv', mimeType: 'text/csv', buffer: EXAMPLE });
  await page.getByText('deployments.csv: read as a deployments CSV.').waitFor();
  await page.getByText('71 deployments listed.').waitFor();
  await page.getByText(`59 deployments to all environments from ${day('2026-08-21T16:56:00Z')} to ${day('2026-11-19T16:56:00Z')} (90 days).`).waitFor();
  const table = page.getByRole('table', { name: /^Each DORA metric measured from the records, beside the team's answer of / });
  const shown = await rows(table);
  assert.deepEqual(shown['Deployment frequency'], ['59 deployments in 90 days', label('deployment-frequency', 3), label('deployment-frequency', 3), 'the same answer', 'The team\'s picture matches the records.']);
  assert.deepEqual(shown['Lead time for changes'].slice(0, 4), ['median 26.0 hours, over 111 changes', label('lead-time', 3), label('lead-time', 5), 'answered 2 options better']);
  assert.match(shown['Lead time for changes'][4], /^The records are worse than the team remembers/);
  assert.deepEqual(shown['Failed deployment recovery time'].slice(0, 4), ['median 90 minutes, over 5 restored failures', label('recovery-time', 4), label('recovery-time', 2), 'answered 2 options worse']);
  assert.match(shown['Failed deployment recovery time'][4], /^The records are better than the team remembers/);
  assert.deepEqual(shown['Change failure rate'].slice(0, 4), ['8 of 59 deployments failed in production: 14%', '14%', '5%', 'answered 9 points better']);
  assert.deepEqual(shown['Deployment rework rate'].slice(0, 4), ['13 of 59 deployments were unplanned fixes: 22%', '22%', '20%', 'within 5 points']);
  await page.getByText('12 deployments outside the window').waitFor();
  await page.getByText('3 failures with no restore time, left out of the recovery time').waitFor();
  await app.audit('measured beside answered');

  // A narrower window: counted independently from the file.
  const inOctober = new Set(EXAMPLE.toString().trim().split('\n').slice(1)
    .map((l) => l.split(',')).filter((c) => c[1] >= '2026-10-01' && c[1] < '2026-11-20').map((c) => c[0])).size;
  await page.getByLabel('From', { exact: true }).fill('2026-10-01');
  await page.getByLabel('From', { exact: true }).dispatchEvent('change');
  await page.getByText(new RegExp(`^${inOctober} deployments to all environments from ${day('2026-10-01T00:00:00Z')} to `)).waitFor();
  await page.getByRole('button', { name: 'Reset to the last 90 days of the records' }).click();
  await page.getByText(/^59 deployments to all environments/).waitFor();

  await page.getByRole('button', { name: 'Record the measured assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Results for Delivery' }).waitFor();
  const sha = createHash('sha256').update(EXAMPLE).digest('hex');
  await page.getByText(`Measured from deployments.csv (SHA-256 ${sha.slice(0, 12)}…), all environments, ${day('2026-08-21T16:56:00Z')} to ${day('2026-11-19T16:56:00Z')}: 59 deployments.`).waitFor();
  const metrics = await app.scoreTable('DORA metrics: your answers and Quick-Check scores');
  assert.equal(metrics['Lead time for changes'][0], label('lead-time', 3));
  assert.equal(metrics['Change failure rate'][0], '14%');
  await app.audit('results of a measured assessment');

  // Only the figures are kept: the window, the file's name and checksum.
  const stored = JSON.parse(await app.stored());
  const measuredRun = stored.runs.find((r) => r.measured);
  assert.deepEqual(measuredRun.measured.files, [{ name: 'deployments.csv', sha256: sha }]);
  assert.equal(measuredRun.measured.deployments, 59);
  assert.ok(!JSON.stringify(stored).includes('deploy-0'), 'no row of the file is stored');

  // The team's DORA over time shows both assessments, the measured one marked.
  await page.getByRole('link', { name: 'Team history and trends' }).click();
  const trend = page.getByRole('table', { name: /^DORA answers at each finished assessment/ });
  await trend.waitFor();
  const dates = Object.keys(await rows(trend));
  assert.equal(dates.length, 2);
  assert.equal(dates.filter((d) => d.endsWith('(measured)')).length, 1, `one measured: ${dates}`);
  await w.close();
});

test('GitHub\'s and GitLab\'s exports: what each cannot tell, a second file that supplies it, and a broken file refused with its row and column', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await app.start('Shop', { questionnaires: ['DORA delivery metrics'] });
  const team = JSON.parse(await app.stored()).teams[0].id;
  await app.open(`/teams/${team}`);
  await openMeasure(app, page);
  const files = page.getByLabel(/^Deployment records/);

  // GitHub's deployments alone: no commit times, so no lead time.
  await files.setInputFiles(fixture('github-deployments.json'));
  await page.getByText('github-deployments.json: read as GitHub deployments.').waitFor();
  let shown = await rows(page.getByRole('table', { name: /^Each DORA metric measured/ }));
  assert.equal(shown['Lead time for changes'][0], 'Not measured');
  assert.match(shown['Lead time for changes'][4], /add a commits export/);
  assert.match(shown['Change failure rate'][4], /^GitHub records whether a deployment job succeeded, not whether it caused a failure in production: unknown, not zero/);
  await page.getByText('Without a statuses file, every GitHub deployment counts as reaching its environment when it was created.').waitFor();

  // With the statuses and the commits: only successful production deployments, timed.
  await files.setInputFiles([fixture('github-deployments.json'), fixture('github-statuses.json'), fixture('github-commits.json')]);
  await page.getByText('github-commits.json: read as GitHub commits.').waitFor();
  assert.equal(await page.getByLabel('Environment').inputValue(), 'production');
  await page.getByText(/^6 deployments to production from /).waitFor();
  shown = await rows(page.getByRole('table', { name: /^Each DORA metric measured/ }));
  assert.deepEqual(shown['Deployment frequency'].slice(0, 3), ['6 deployments in 29 days', label('deployment-frequency', 3), '—']);
  assert.deepEqual(shown['Lead time for changes'].slice(0, 2), ['median 24.2 hours, over 5 changes', label('lead-time', 3)]);
  assert.match(shown['Lead time for changes'][4], /^The team has not answered this yet/);
  await page.getByText('1 deployment to another environment').waitFor();
  await page.getByText('1 deployment job that failed, was cancelled or did not finish (it never reached the environment)').waitFor();
  await page.getByText('1 change without a commit time', { exact: true }).waitFor();
  await app.audit('GitHub deployments measured');

  // GitLab: its deployments carry their commit's time. Five days are too few to
  // tell how often the team deploys; a chosen week tells.
  await files.setInputFiles(fixture('gitlab-deployments.json'));
  await page.getByText('gitlab-deployments.json: read as GitLab deployments.').waitFor();
  await page.getByText(/^4 deployments to production from .* \(5 days\)\.$/).waitFor();
  shown = await rows(page.getByRole('table', { name: /^Each DORA metric measured/ }));
  assert.equal(shown['Deployment frequency'][0], 'Not measured');
  assert.match(shown['Deployment frequency'][4], /^The window covers less than a week/);
  assert.deepEqual(shown['Lead time for changes'].slice(0, 2), ['median 3.4 hours, over 4 changes', label('lead-time', 4)]);
  await page.getByLabel('From', { exact: true }).fill('2026-09-29');
  await page.getByLabel('From', { exact: true }).dispatchEvent('change');
  await page.getByText(/^4 deployments to production from .* \(7 days\)\.$/).waitFor();
  shown = await rows(page.getByRole('table', { name: /^Each DORA metric measured/ }));
  assert.deepEqual(shown['Deployment frequency'].slice(0, 2), ['4 deployments in 7 days', label('deployment-frequency', 3)]);

  // A broken CSV: refused with its row and column; the figures shown stay.
  await files.setInputFiles(csv('broken.csv', 'deployed_at,failed\n2026-01-01T10:00:00Z,no\n2026-13-01,no\n'));
  await page.getByRole('alert').getByText('Could not read “broken.csv”. Row 3, column “deployed_at”: “2026-13-01” is not a date and time. Write ISO 8601 (2026-03-01T14:30:00Z) or Unix seconds. Nothing was changed.').waitFor();
  await page.getByText(/^4 deployments to production from /).waitFor();
  // A broken JSON export: refused at its JSON path.
  const bad = JSON.parse(readFileSync(here(FIXTURES + 'gitlab-deployments.json')));
  bad[2].deployable.finished_at = 'soon';
  await files.setInputFiles({ name: 'gitlab-bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('alert').getByText('Could not read “gitlab-bad.json”. At [2].deployable.finished_at: “soon” is not a date and time.', { exact: false }).waitFor();
  await app.audit('a refused file');

  // The GitLab figures recorded: measured values, "Don't know" for what GitLab cannot tell.
  await page.getByRole('button', { name: 'Record the measured assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Results for Shop' }).waitFor();
  await page.getByText(/^Measured from gitlab-deployments\.json \(SHA-256 [0-9a-f]{12}…\), production, /).waitFor();
  const metrics = await app.scoreTable('DORA metrics: your answers and Quick-Check scores');
  assert.equal(metrics['Deployment frequency'][0], label('deployment-frequency', 3));
  assert.equal(metrics['Change failure rate'][0], 'Don\'t know');
  await w.close();
});
