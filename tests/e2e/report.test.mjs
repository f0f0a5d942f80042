// Printable reports: a run's results and a team's history print (here: to PDF in
// Chromium) with their scores, tables, recommendations and actions, charts as
// vectors, and none of the page's controls.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Suite } from './harness.mjs';
import { AssessmentApp, STORAGE_KEY } from './app.mjs';

const V3 = readFileSync(new URL('../../crates/core/tests/fixtures/store-v3.json', import.meta.url), 'utf8');

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

/** Each page's text (whitespace collapsed), and how many raster images were drawn. */
async function readPdf(bytes) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages = [];
  let images = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = (await page.getTextContent()).items.map((item) => item.str).join(' ');
    pages.push(text.replace(/\s+/g, ' '));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((op) => op === pdfjs.OPS.paintImageXObject || op === pdfjs.OPS.paintInlineImageXObject).length;
  }
  return { pages, text: pages.join(' '), images };
}

/** Score table rows as [dimension, score] pairs, as the page shows them. */
async function scoreRows(page) {
  return page.locator('table.scores')
    .filter({ has: page.getByRole('columnheader', { name: 'Score (0–10)' }) })
    .locator('tbody tr').evaluateAll((trs) => trs
    .filter((tr) => tr.querySelector('th') && tr.querySelector('td'))
    .map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]));
}

async function printed(path, ready) {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, V3]);
  await app.open(path);
  await ready(page);
  await page.getByRole('button', { name: 'Print or save as PDF' }).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const pdf = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
  return { w, page, pdf };
}

test("a run's report holds its scores, recommendations, the room's answers and the actions", async () => {
  const { w, page, pdf } = await printed('/runs/r-pay-ws/results', async (p) => {
    await p.locator('[data-testid=chart] svg').first().waitFor();
  });
  const rows = await scoreRows(page);
  assert.ok(rows.length >= 5, JSON.stringify(rows));
  assert.ok(pdf.pages.length >= 1);
  assert.match(pdf.text, /Results for Payments/);
  for (const [name, score] of rows) {
    const onPage = pdf.pages.find((t) => t.includes(name));
    assert.ok(onPage, `${name} is printed`);
    assert.ok(onPage.includes(score), `${name}'s score ${score} is printed on the same page`);
  }
  assert.match(pdf.text, /How the room answered/);
  assert.match(pdf.text, /Blameless review after every incident/);
  assert.match(pdf.text, /We <b>disagree<\/b> on who hears bad news\./, 'notes print as text');
  assert.match(pdf.text, /What to try next|Try next|next steps/i);
  assert.doesNotMatch(pdf.text, /Print or save as PDF|Change answers|Skip to content/, 'no controls');
  assert.equal(pdf.images, 0, 'charts are vectors, not pictures');
  await w.close();
});

test("a team's report holds every assessment and the trend figures", async () => {
  const { w, page, pdf } = await printed('/teams/t-payments', async (p) => {
    await p.locator('.trend [data-testid=chart] svg').first().waitFor();
  });
  const trend = await page.getByRole('table', { name: 'CALMS scores at each finished assessment' })
    .locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.ok(trend.length >= 2);
  assert.match(pdf.text, /Payments/);
  for (const row of trend) {
    for (const cell of row.slice(1)) assert.ok(pdf.text.includes(cell), `trend figure ${cell} is printed`);
  }
  assert.equal(pdf.images, 0, 'charts are vectors');
  assert.doesNotMatch(pdf.text, /Print or save as PDF|Delete team/);
  await w.close();
});
