// Benchmark: prints sizes and timings of the release build (dist/), measured in
// headless Chromium, as medians over several runs. Figures, not pass/fail.
//   node tests/bench/bench.mjs [runs]
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServer, DIST } from '../e2e/serve.mjs';
import { launch } from '../e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

const files = readdirSync(DIST).filter((f) => !f.startsWith('.'));
const pick = (ext) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(DIST, f)));
const sizeOf = (bufs) => bufs.reduce((a, b) => a + gz(b), 0);
const sizes = {
  wasm: sizeOf(pick('.wasm')),
  js: sizeOf(pick('.js')),
  css: sizeOf(pick('.css')),
  html: gz(readFileSync(join(DIST, 'index.html'))),
  echarts: gz(readFileSync(join(DIST, 'vendor', 'echarts.min.js'))),
};

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

async function freshPage() {
  const context = await browser.newContext();
  const seed = await context.newPage();
  await seed.goto(`${server.url}/bench-blank.html`);
  await seed.evaluate((s) => localStorage.setItem('devops-maturity', s), store);
  await seed.close();
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const bytes = [];
  page.on('response', async (r) => {
    try { bytes.push({ url: r.url(), gz: gz(await r.body()) }); } catch { /* redirects have no body */ }
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
    if (q < 19) { await next.click(); await page.getByText(`Question ${q + 2} of 20`).waitFor(); }
  }
  await context.close();
}

await browser.close();
await server.close();

const transferred = firstRouteBytes.reduce((a, b) => a + b.gz, 0);
const echartsEarly = firstRouteBytes.some((b) => b.url.includes('echarts'));
const ratio = median(app) / median(still);
const rows = [
  ['wasm (gzip -9)', kb(sizes.wasm)],
  ['JS glue (gzip -9)', kb(sizes.js)],
  ['CSS (gzip -9)', kb(sizes.css)],
  ['index.html (gzip -9)', kb(sizes.html)],
  ['first-question route, all responses (gzip -9)', `${kb(transferred)} (goal <= 120 KB)${echartsEarly ? '  !! includes ECharts' : ''}`],
  ['ECharts, loaded only with a chart (gzip -9)', kb(sizes.echarts)],
  [`navigation -> first question interactive (median of ${RUNS})`, ms(median(app))],
  [`same question as static HTML, no script (median of ${RUNS})`, ms(median(still))],
  ['ratio app / static', `${ratio.toFixed(2)}x`],
  [`click answer -> DOM updated (median of ${answer.length})`, ms(median(answer))],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log('DevOps maturity benchmark (release build, headless Chromium, loopback)');
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
