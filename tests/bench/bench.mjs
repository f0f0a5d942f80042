// Benchmark: prints sizes and timings of the release build (dist/), measured in
// headless Chromium, as medians over several runs. Figures, not pass/fail.
//   node tests/bench/bench.mjs [runs]
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServer, DIST } from '../e2e/serve.mjs';
import { launch } from '../e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

const files = readdirSync(DIST).filter((f) => !f.startsWith('.'));
const pick = (ext) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(DIST, f)));
const sizeOf = (bufs) => bufs.reduce((a, b) => a + gz(b), 0);
const sizes = {
  wasm: sizeOf(pick('_bg.wasm')),
  js: sizeOf(pick('.js')),
  css: sizeOf(pick('.css')),
  html: gz(readFileSync(join(DIST, 'index.html'))),
  echarts: gz(readFileSync(join(DIST, 'vendor', 'echarts.min.js'))),
  echartsFull: gz(readFileSync(new URL('../../node_modules/echarts/dist/echarts.min.js', import.meta.url))),
};

// A store as the first shipped version (schema 1) wrote it: one team with HISTORY
// finished runs a week apart, each answering every question of all five questionnaires.
const HISTORY = 500;
const BANKS = ['calms', 'three-ways', 'team-topologies', 'dora', 'westrum']
  .map((f) => JSON.parse(readFileSync(new URL(`../../questionnaires/${f}.json`, import.meta.url))));
/** How many questions CALMS asks today (the click timing answers the first 20). */
const CALMS_ASKED = BANKS[0].questions.filter((q) => !q.retired).length;
const bigStore = (() => {
  const week = 7 * 86_400_000;
  const start = Date.UTC(2017, 0, 2);
  const runs = [];
  for (let i = 0; i < HISTORY; i++) {
    const answers = {};
    let k = i;
    for (const bank of BANKS) {
      for (const q of bank.questions.filter((x) => !x.retired)) {
        k = (k * 31 + 7) % 1009;
        answers[q.id] = q.answer === 'percent' ? k % 101 : k % q.choices.length;
      }
    }
    const at = start + i * week;
    runs.push({ id: `r-${i}`, team: 't-history', questionnaires: BANKS.map((b) => b.id), started_at: at,
      finished_at: at + 3_600_000, answers, position: 0 });
  }
  return JSON.stringify({ app: 'devops-maturity', schema: 1, revision: HISTORY, updated_at: start,
    teams: [{ id: 't-history', name: 'History', created_at: start }], runs });
})();

// A workshop of all five questionnaires with PARTICIPANTS answer codes collected.
const PARTICIPANTS = 60;
const WORKSHOP = 0x5eed5eed;
const workshopStore = (() => {
  const submissions = [];
  for (let p = 0; p < PARTICIPANTS; p++) {
    const grouped = {};
    let k = p + 1;
    for (const bank of BANKS) {
      const mine = (grouped[bank.id] = {});
      for (const q of bank.questions.filter((x) => !x.retired)) {
        k = (k * 31 + 7) % 1009;
        mine[q.id.slice(q.id.indexOf('.') + 1)] = q.answer === 'percent' ? k % 101 : k % q.choices.length;
      }
    }
    submissions.push({ participant: 1000 + p, received_at: 1 + p, answers: grouped });
  }
  return JSON.stringify({ app: 'devops-maturity', schema: 3, revision: 1, updated_at: 1,
    teams: [{ id: 't-ws', name: 'Workshop', created_at: 1 }], runs: [],
    workshops: [{ id: WORKSHOP, team: 't-ws', questionnaires: BANKS.map((b) => b.id), layout: 0, created_at: 1, submissions }] });
})();

// A store with one team and one unfinished CALMS run, as the app writes it.
const RUN = 'r-bench';
const store = JSON.stringify({
  app: 'devops-maturity', schema: 1, revision: 1, updated_at: 1,
  teams: [{ id: 't-bench', name: 'Bench', created_at: 1 }],
  runs: [{ id: RUN, team: 't-bench', questionnaires: ['calms'], started_at: 1, answers: {}, position: 0 }],
});

// Records when the first radio button appears (the question is interactive: Leptos
// attaches handlers before inserting elements), by navigation time.
const OBSERVE = () => {
  const mark = () => {
    if (!window.__firstRadio && document.querySelector('input[type=radio]')) window.__firstRadio = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', mark);
};

const extra = { '/bench-blank.html': '<!doctype html><title>blank</title>' };
const server = await startServer(DIST, { extra });
const browser = await launch();

async function freshPage(seeded = store) {
  // No service worker: its offline copy would download everything alongside the page.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const seed = await context.newPage();
  await seed.goto(`${server.url}/bench-blank.html`);
  // A store's text, or every entry of a saved state (the envelope and each team's runs).
  const entries = typeof seeded === 'string' ? { 'devops-maturity': seeded } : seeded;
  await seed.evaluate((all) => { for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v); }, entries);
  await seed.close();
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const bytes = [];
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      bytes.push({ url: r.url(), gz: gz(body), br: br(body) });
    } catch { /* redirects have no body */ }
  });
  return { context, page, bytes };
}

async function timeToQuestion(path) {
  const { context, page, bytes } = await freshPage();
  await page.goto(server.url + path);
  await page.waitForFunction(() => window.__firstRadio);
  const t = await page.evaluate(() => window.__firstRadio);
  const html = path.startsWith('/runs/') ? await staticCopy(page) : null;
  await context.close();
  return { t, bytes, html };
}

// The rendered question page without any script: what a server-rendered page would be.
async function staticCopy(page) {
  return page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((e) => e.remove());
    return '<!doctype html>' + doc.outerHTML;
  });
}

const app = [];
let firstRouteBytes = [];
let staticHtml = null;
for (let i = 0; i < RUNS; i++) {
  const r = await timeToQuestion(`/runs/${RUN}`);
  app.push(r.t);
  firstRouteBytes = r.bytes;
  staticHtml = r.html;
}
extra['/bench-static.html'] = staticHtml;
const still = [];
for (let i = 0; i < RUNS; i++) still.push((await timeToQuestion('/bench-static.html')).t);

// Click an answer -> the app has saved it and re-rendered the "answered" count.
const answer = [];
{
  const { context, page } = await freshPage();
  await page.goto(`${server.url}/runs/${RUN}`);
  await page.waitForFunction(() => window.__firstRadio);
  for (let q = 0; q < 20; q++) {
    answer.push(await page.evaluate(() => new Promise((done) => {
      const label = document.getElementById('answered-label');
      const radio = document.querySelectorAll('input[type=radio]')[2];
      const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - t0); });
      observer.observe(label, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      radio.click();
    })));
    const next = page.getByRole('button', { name: 'Next' });
    if (q < 19) { await next.click(); await page.getByText(`Question ${q + 2} of ${CALMS_ASKED}`).waitFor(); }
  }
  await context.close();
}

// The team page over HISTORY runs: loading and migrating the store, and computing
// every trend series, timed inside the app (User Timing marks around wasm work).
const span = (name, which = 0) => {
  const pick = (list) => list.at(which);
  const start = pick(performance.getEntriesByName(`devops-maturity:${name}:start`));
  const end = pick(performance.getEntriesByName(`devops-maturity:${name}:end`));
  return end.startTime - start.startTime;
};
let trendsWarm = 0;
const decode = [];
const decodeCurrent = [];
const trendsTime = [];
let currentStore = null;
const changeTime = [];
const redecode = [];
let chartsRouteBytes = 0;
let bytesPerRun = 0;
let fullRunBytes = 0;
for (let i = 0; i < RUNS; i++) {
  const { context, page, bytes } = await freshPage(bigStore);
  await page.goto(`${server.url}/teams/t-history`);
  await page.getByRole('table', { name: 'CALMS scores at each finished assessment' }).waitFor();
  await page.locator('[data-testid=chart] svg').first().waitFor();
  decode.push(await page.evaluate(span, 'decode'));
  trendsTime.push(await page.evaluate(span, 'trends'));
  if (i === 0) {
    chartsRouteBytes = bytes.reduce((a, b) => a + b.gz, 0);
    // One change makes the app write the whole store in its current format.
    await page.getByLabel('Team name').fill('History 2');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { level: 1, name: 'History 2' }).waitFor();
    // Saved as an envelope and one entry per team's runs.
    const saved = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
      .filter((k) => k.startsWith('devops-maturity')).map((k) => [k, localStorage.getItem(k)])));
    const parsed = { runs: Object.entries(saved).filter(([k]) => k.startsWith('devops-maturity.runs.'))
      .flatMap(([, v]) => JSON.parse(v).runs) };
    bytesPerRun = Object.entries(saved).filter(([k]) => k.startsWith('devops-maturity.runs.'))
      .reduce((a, [, v]) => a + v.length, 0) / parsed.runs.length;
    currentStore = saved;
    // A change with the whole history stored: read-check, apply, write whole, read
    // back, recompute the page. Timed in the page from click to the heading updated.
    for (let k = 0; k < 7; k++) {
      changeTime.push(await page.evaluate((k) => new Promise((done) => {
        const h1 = document.querySelector('main h1');
        const input = document.getElementById('rename-team');
        input.value = `History ${k + 3}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - t0); });
        observer.observe(h1, { childList: true, subtree: true, characterData: true });
        const t0 = performance.now();
        document.querySelector('form.rename button[type=submit]').click();
      }), k));
    }
    trendsWarm = await page.evaluate(([name, which]) => {
      const start = performance.getEntriesByName(`devops-maturity:${name}:start`).at(which);
      const end = performance.getEntriesByName(`devops-maturity:${name}:end`).at(which);
      return end.startTime - start.startTime;
    }, ['trends', -1]);
    fullRunBytes = Math.max(...parsed.runs.map((r) => JSON.stringify(r).length));
  }
  await context.close();
}
// The same history, already in the current format: the everyday start-up.
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage(currentStore);
  await page.goto(`${server.url}/teams/t-history`);
  await page.getByRole('table', { name: 'CALMS scores at each finished assessment' }).waitFor();
  decodeCurrent.push(await page.evaluate(span, 'decode'));
  // Another tab saves: this tab reads the whole store again, its code now warm.
  const other = await context.newPage();
  await other.goto(`${server.url}/bench-blank.html`);
  await other.evaluate(() => {
    const text = localStorage.getItem('devops-maturity');
    localStorage.setItem('devops-maturity', text.replace(/"revision":(\d+)/, (_, n) => `"revision":${Number(n) + 1}`));
  });
  await page.waitForFunction(() => performance.getEntriesByName('devops-maturity:redecode:end').length > 0);
  redecode.push(await page.evaluate(span, 'redecode'));
  await context.close();
}

// The presenter view over PARTICIPANTS x every question: statistics and the
// discuss-first order, timed inside the app, on first load and after each reveal
// (a change to the workshop recomputes both).
const aggregateCold = [];
const aggregateWarm = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage(workshopStore);
  await page.goto(`${server.url}/workshops/${WORKSHOP.toString(16)}/present`);
  await page.getByRole('navigation', { name: 'Discuss first' }).waitFor();
  aggregateCold.push(await page.evaluate(span, 'aggregate'));
  if (i === 0) {
    for (let k = 0; k < 7; k++) {
      const name = k % 2 ? 'Hide answers' : 'Reveal answers';
      await page.getByRole('button', { name }).click();
      await page.getByRole('button', { name: k % 2 ? 'Reveal answers' : 'Hide answers' }).waitFor();
      aggregateWarm.push(await page.evaluate(([name, which]) => {
        const at = (list) => list.at(which);
        return at(performance.getEntriesByName(`devops-maturity:${name}:end`)).startTime
          - at(performance.getEntriesByName(`devops-maturity:${name}:start`)).startTime;
      }, ['aggregate', -1]));
    }
  }
  await context.close();
}

// The start page: the app, then its own chunk and the chunks it shares.
let homeBytes = [];
{
  const { context, page, bytes } = await freshPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Start an assessment' }).waitFor();
  await page.waitForTimeout(300);
  homeBytes = bytes;
  await context.close();
}

// A whole first visit to a join link, service worker included: everything the
// server sent (as sent, compressed) until the worker has kept the app for offline.
let firstVisit;
{
  const visitServer = await startServer(DIST);
  const context = await browser.newContext();
  const page = await context.newPage();
  // A CALMS workshop's join link for team "Payments", as the app makes them (codes
  // are versioned, so one made by an earlier build still reads).
  await page.goto(`${visitServer.url}/join#j1.b3fGK17u0MYIUGF5bWVudHMBBWNhbG1zfQfiMg`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  const sent = visitServer.served;
  const downloads = sent.filter((s) => s.status === 200).map((s) => s.path);
  firstVisit = {
    bytes: sent.reduce((a, s) => a + s.bytes, 0),
    files: downloads.length,
    revalidated: sent.filter((s) => s.status === 304).length,
    twice: downloads.filter((p, i) => downloads.indexOf(p) !== i),
  };
  await context.close();
  await visitServer.close();
}
// DORA measured from deployment records at the limit: 100,000 deployments,
// two changes each, one row per change (about 19 MB of CSV, a column the reader ignores included). Parsing and computing
// are timed inside the app (User Timing marks around the wasm work); "taken" is from
// the page receiving the file to its records ready (file read, SHA-256, parse), and
// "shown" from Playwright handing the file over to the figures on screen (it includes
// sending 16 MB through the DevTools protocol).
const DEPLOYMENTS = 100_000;
const bigCsv = (() => {
  const lines = ['deployment_id,deployed_at,committed_at,failed,restored_at,rework,environment,service'];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const at = start + i * 600_000;
    const failed = i % 9 === 0;
    const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
    for (const back of [3_600_000, 90_000_000]) {
      lines.push(`deployment-${String(i).padStart(6, '0')},${iso(at)},${iso(at - back)},${failed ? 'yes' : 'no'},${failed ? iso(at + 2_700_000) : ''},${i % 13 === 0 ? 'yes' : 'no'},production,storefront-web`);
    }
  }
  return Buffer.from(lines.join('\n') + '\n');
})();
const measureParse = [];
const measureCompute = [];
const measureShown = [];
const measureTaken = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage();
  await page.goto(`${server.url}/teams/t-bench/measure`);
  const input = page.getByLabel(/^Deployment records/);
  await input.waitFor();
  const t0 = Date.now();
  await input.setInputFiles({ name: 'deployments.csv', mimeType: 'text/csv', buffer: bigCsv });
  await page.getByText(/deployments to production from /).waitFor({ timeout: 60_000 });
  measureShown.push(Date.now() - t0);
  measureParse.push(await page.evaluate(span, 'read'));
  measureTaken.push(await page.evaluate(span, 'take'));
  measureCompute.push(await page.evaluate(span, 'measure'));
  await context.close();
}

// A coach's browser: COACH_TEAMS teams, each with COACH_RUNS finished runs of each
// of the five questionnaires a fortnight apart (5,000 runs), and one open CALMS run.
// Timed inside the app: loading the store, drawing the coach's page (the portfolio
// computed, in wasm), and answering a question with all of it stored.
const COACH_TEAMS = 50;
const COACH_RUNS = 20;
const coachStore = (() => {
  const start = Date.UTC(2022, 0, 3);
  const teams = [];
  const runs = [];
  let k = 1;
  for (let t = 0; t < COACH_TEAMS; t++) {
    teams.push({ id: `t-${t}`, name: `Team ${String(t).padStart(2, '0')}`, created_at: start, tags: [`Tribe ${t % 5}`] });
    for (let i = 0; i < COACH_RUNS; i++) {
      for (const bank of BANKS) {
        const answers = {};
        for (const q of bank.questions.filter((x) => !x.retired)) {
          k = (k * 31 + 7) % 1009;
          answers[q.id.slice(bank.id.length + 1)] = q.answer === 'percent' ? k % 101 : k % q.choices.length;
        }
        const at = start + (i * 14 + t % 7) * 86_400_000;
        runs.push({ id: `r-${t}-${i}-${bank.id}`, team: `t-${t}`, questionnaires: [bank.id], started_at: at,
          finished_at: at + 3_600_000, answers: { [bank.id]: answers }, position: 0 });
      }
    }
  }
  runs.push({ id: 'r-open', team: 't-0', questionnaires: ['calms'], started_at: start, answers: {}, position: 0 });
  return JSON.stringify({ app: 'devops-maturity', schema: 4, revision: 1, updated_at: start, teams, runs });
})();
const coachLoadWhole = [];
const coachLoadSplit = [];
const coachDraw = [];
const coachSort = [];
const coachAnswerChange = [];
const coachAnswerDom = [];
let coachFirstSave = 0;
let coachSaved = null;
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage(coachSaved ?? coachStore);
  await page.goto(`${server.url}/teams`);
  await page.locator('#heatmap tbody tr').nth(COACH_TEAMS - 1).waitFor();
  (coachSaved ? coachLoadSplit : coachLoadWhole).push(await page.evaluate(span, 'decode'));
  coachDraw.push(await page.evaluate(span, 'coach'));
  // Sort by overall: the page recomputed and redrawn, from click to the table changed.
  coachSort.push(await page.evaluate(() => new Promise((done) => {
    const body = document.querySelector('#heatmap tbody');
    const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - t0); });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    const t0 = performance.now();
    [...document.querySelectorAll('#heatmap button.sort')].at(-1).click();
  })));
  if (i === 0) {
    // Answering with 5,000 runs stored: the first save turns the whole store into an
    // envelope and an entry per team; the next ones rewrite the open run's team only.
    await page.goto(`${server.url}/runs/r-open`);
    await page.waitForFunction(() => window.__firstRadio);
    for (let q = 0; q < 11; q++) {
      const dom = await page.evaluate(() => new Promise((done) => {
        const label = document.getElementById('answered-label');
        const radio = document.querySelectorAll('input[type=radio]')[2];
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - t0); });
        observer.observe(label, { childList: true, subtree: true, characterData: true });
        const t0 = performance.now();
        radio.click();
      }));
      const change = await page.evaluate(([name]) => {
          const start = performance.getEntriesByName(`devops-maturity:${name}:start`).at(-1);
          const end = performance.getEntriesByName(`devops-maturity:${name}:end`).at(-1);
          return end.startTime - start.startTime;
        }, ['change']);
      if (q === 0) coachFirstSave = change;
      else { coachAnswerChange.push(change); coachAnswerDom.push(dom); }
      if (q < 10) { await page.getByRole('button', { name: 'Next' }).click(); await page.getByText(`Question ${q + 2} of ${CALMS_ASKED}`).waitFor(); }
    }
    coachSaved = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
      .filter((k) => k.startsWith('devops-maturity')).map((k) => [k, localStorage.getItem(k)])));
  }
  await context.close();
}
const coachStoredBytes = coachSaved ? Object.values(coachSaved).reduce((a, v) => a + v.length, 0) : 0;

await browser.close();
await server.close();

const transferred = firstRouteBytes.reduce((a, b) => a + b.gz, 0);
const transferredBr = firstRouteBytes.reduce((a, b) => a + b.br, 0);
const split = files.filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
const echartsEarly = firstRouteBytes.some((b) => b.url.includes('echarts'));
const ratio = median(app) / median(still);
const languageFiles = readdirSync(join(DIST, 'i18n')).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const body = readFileSync(join(DIST, 'i18n', f));
  return { code: f.split('-')[0], raw: body.length, gz: gz(body), br: br(body) };
});

const rows = [
  ['main wasm, what every page needs (gzip -9)', kb(sizes.wasm)],
  ['JS glue (gzip -9)', kb(sizes.js)],
  ['CSS (gzip -9)', kb(sizes.css)],
  ['index.html (gzip -9)', kb(sizes.html)],
  ['first-question route, all responses (gzip -9)', `${kb(transferred)} (target <= 200 KB)${echartsEarly ? '  !! includes ECharts' : ''}`],
  ['first-question route, all responses (brotli 11)', `${kb(transferredBr)} (target <= 160 KB)`],
  ['first-question route before languages (issue 14, measured at 2eb32de)', '310.8 KB gzip, 252.6 KB brotli (growth allowed: 5 KB gzip)'],
  ...languageFiles.map(({ code, raw, gz: g, br: b }) => [`language file ${code} (messages + questionnaire translations), fetched only when chosen`, `${kb(raw)} raw, ${kb(g)} gzip, ${kb(b)} brotli`]),
  ['start page, all responses (gzip -9)', `${kb(homeBytes.reduce((a, b) => a + b.gz, 0))} (target <= 300 KB)`],
  ['a first visit to a join link, service worker and its offline copy included (as sent, brotli)',
    `${kb(firstVisit.bytes)} in ${firstVisit.files} files, ${firstVisit.revalidated} confirmed current (304); downloaded twice: ${firstVisit.twice.join(' ') || 'none'}`],
  [`wasm split off into ${split.length} chunks loaded by the pages that need them (gzip -9)`, kb(sizeOf(split.map((f) => readFileSync(join(DIST, f)))))],
  ['ECharts custom build (esbuild: line, bar, radar, SVG), lazy (gzip -9)', `${kb(sizes.echarts)} (full echarts.min.js: ${kb(sizes.echartsFull)})`],
  [`team page with ${HISTORY} runs, all responses incl. ECharts (gzip -9)`, kb(chartsRouteBytes)],
  ['bytes stored per run, all five questionnaires answered', `${bytesPerRun.toFixed(0)} B average, ${fullRunBytes} B largest (goal <= 3072, as crates/core/tests/migrations.rs)`],
  [`load + migrate a ${HISTORY}-run schema-1 store, in wasm (median of ${RUNS})`, `${ms(median(decode))} (goal < 16 ms)`],
  [`load a ${HISTORY}-run store of the current format, in wasm (median of ${RUNS})`, `${ms(median(decodeCurrent))} (goal < 16 ms)`],
  [`the same store read again after another tab saved (warm code) (median of ${RUNS})`, ms(median(redecode))],
  [`a change with ${HISTORY} runs stored (a rename: the envelope only) + recompute page (median of ${changeTime.length})`, ms(median(changeTime))],
  [`all trend series for ${HISTORY} runs, in wasm, first page load (median of ${RUNS})`, `${ms(median(trendsTime))} (goal < 16 ms)`],
  [`all trend series for ${HISTORY} runs, in wasm, after 7 changes (warm code)`, `${ms(trendsWarm)} (goal < 16 ms)`],
  [`workshop: statistics + discuss-first order, ${PARTICIPANTS} participants x every question, first load (median of ${RUNS})`, `${ms(median(aggregateCold))} (goal < 16 ms)`],
  [`workshop: the same after a reveal, re-ranked (warm code) (median of ${aggregateWarm.length})`, `${ms(median(aggregateWarm))} (goal < 16 ms)`],
  [`measured DORA: ${DEPLOYMENTS.toLocaleString('en')} deployments, ${(bigCsv.length / 1e6).toFixed(1)} MB CSV: parse, in wasm (median of ${RUNS})`, ms(median(measureParse))],
  ['measured DORA: the five metrics over the default window, in wasm', ms(median(measureCompute))],
  ['measured DORA: parse + compute (goal < 1 s)', ms(median(measureParse) + median(measureCompute))],
  ['measured DORA: file received -> records ready (read, SHA-256, parse), in the page', ms(median(measureTaken))],
  ['measured DORA: file handed over by Playwright -> figures shown (incl. 16 MB over DevTools)', ms(median(measureShown))],
  [`coach: ${COACH_TEAMS} teams x ${COACH_RUNS} runs x 5 questionnaires (${COACH_TEAMS * COACH_RUNS * 5} runs, ${(coachStoredBytes / 1e6).toFixed(1)} M characters stored)`, ''],
  ['  load the store written whole (as before this version), in wasm', ms(median(coachLoadWhole))],
  ['  load the store written split (an envelope + an entry per team), in wasm', ms(median(coachLoadSplit))],
  ["  the coach's page computed (heat map, shared, trend, experiments), in wasm (goal < 100 ms)", ms(median(coachDraw))],
  ['  sort the heat map: click -> table redrawn', ms(median(coachSort))],
  ['  answer a question: first save, the whole store split into entries', ms(coachFirstSave)],
  [`  answer a question: apply + save (one team's entry + envelope) + notify (median of ${coachAnswerChange.length}, goal < 16 ms)`, ms(median(coachAnswerChange))],
  [`  answer a question: click -> DOM updated (median of ${coachAnswerDom.length}, goal < 16 ms)`, ms(median(coachAnswerDom))],
  [`navigation -> first question interactive (median of ${RUNS})`, ms(median(app))],
  [`same question as static HTML, no script (median of ${RUNS})`, ms(median(still))],
  ['ratio app / static', `${ratio.toFixed(2)}x`],
  [`click answer -> DOM updated (median of ${answer.length})`, ms(median(answer))],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log('DevOps maturity benchmark (release build, headless Chromium, loopback)');
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
