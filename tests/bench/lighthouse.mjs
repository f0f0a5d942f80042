// Lighthouse mobile performance of the release build (dist/) on the start page, a
// question of an assessment and a participant's join link, as a first visit sees
// them (nothing cached, the service worker blocked): the median score of RUNS runs,
// with its largest contentful paint. Figures, not pass/fail.
//   node tests/bench/lighthouse.mjs [runs]
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DIST } from '../e2e/serve.mjs';
import { CHROMIUM } from '../e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const STORE = JSON.stringify({
  app: 'devops-maturity', schema: 3, revision: 1, updated_at: 1,
  teams: [{ id: 't', name: 'Payments', created_at: 1 }],
  runs: [{ id: 'r', team: 't', questionnaires: ['calms'], started_at: 1, answers: {}, position: 0 }],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const server = await startServer(DIST, { extra: { '/blank.html': '<!doctype html><title>blank</title>' } });

/** A fresh browser profile, storage seeded with one assessment. */
async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const b = await puppeteer.launch({
    executablePath: CHROMIUM,
    userDataDir: profile,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await b.newPage();
  await page.goto(`${server.url}/blank.html`);
  await page.evaluate((s) => localStorage.setItem('devops-maturity', s), STORE);
  return { b, page, profile };
}

/** A join link, made the way a facilitator makes one. */
async function joinLink() {
  const { b, page, profile } = await browser();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#team-name');
  await page.type('#team-name', 'Payments');
  await page.click('::-p-text(Start a workshop)');
  await page.waitForSelector('#join-link');
  const link = await page.$eval('#join-link', (e) => e.value);
  await b.close();
  rmSync(profile, { recursive: true, force: true });
  return link.replace(/^https?:\/\/[^/]+/, '');
}

async function audit(path) {
  const { b, page, profile } = await browser();
  const result = await lighthouse(`${server.url}${path}`, {
    onlyCategories: ['performance'],
    // Keep the seeded assessment; a first visit has no service worker yet.
    disableStorageReset: true,
    blockedUrlPatterns: ['*/sw.js'],
    logLevel: 'error',
  }, undefined, page);
  await b.close();
  rmSync(profile, { recursive: true, force: true });
  const { categories, audits } = result.lhr;
  const ms = (id) => audits[id].numericValue;
  return {
    score: categories.performance.score,
    lcp: ms('largest-contentful-paint'), fcp: ms('first-contentful-paint'), si: ms('speed-index'),
    tbt: ms('total-blocking-time'), cls: audits['cumulative-layout-shift'].numericValue,
  };
}

const pages = [['start page', '/'], ['question of an assessment', '/runs/r'], ['join link', await joinLink()]];
console.log(`Lighthouse ${lighthouse.version ?? '12'} mobile performance (median of ${RUNS}; target >= 0.95)`);
for (const [name, path] of pages) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(path));
  const score = median(runs.map((r) => r.score));
  const m = (key) => median(runs.map((r) => r[key]));
  const s = (key) => `${(m(key) / 1000).toFixed(1)} s`;
  console.log(`  ${name.padEnd(28)} ${score.toFixed(2)}  (FCP ${s('fcp')}, LCP ${s('lcp')}, speed index ${s('si')}, `
    + `blocking ${m('tbt').toFixed(0)} ms, layout shift ${m('cls').toFixed(3)}; runs: ${runs.map((r) => r.score.toFixed(2)).join(', ')})`);
}
await server.close();
