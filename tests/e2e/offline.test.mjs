// Offline and installable: after one visit the app starts and works with the static
// server stopped, and a new version is picked up on the next visit once the server
// is back (pages are fetched network first; the cached copy is the fallback).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Suite } from './harness.mjs';
import { AssessmentApp } from './app.mjs';
import { startServer, DIST } from './serve.mjs';

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

test('after one visit the app works with the server stopped, and updates on the next visit', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await app.open('/');
  // Installable: a manifest with a name, a start URL and an icon.
  const manifest = await (await page.request.get(`${suite.server.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.start_url, '/');
  assert.ok(manifest.name && manifest.display === 'standalone');
  for (const icon of manifest.icons) {
    const response = await page.request.get(`${suite.server.url}${icon.src}`);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'].split(';')[0], icon.type, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'), 'a 512 px PNG icon');
  // The service worker has installed (cached every file of the build) and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('devops-maturity-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  assert.ok(cached.includes('/index.html') && cached.some((p) => p.endsWith('.wasm')) && cached.includes('/vendor/echarts.min.js'), cached.join(' '));

  // The network is gone: the server is stopped.
  const port = Number(new URL(suite.server.url).port);
  await suite.server.close();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'DevOps maturity self-assessment' }).waitFor();
  await app.start('Offline team', { questionnaires: ['Westrum'] });
  for (let i = 0; i < 6; i++) {
    await app.choose(3);
    if (i < 5) await app.next();
  }
  await app.finish();
  await page.getByRole('table').first().waitFor();
  const stored = JSON.parse(await app.stored());
  assert.equal(stored.runs.length, 1);
  assert.ok(stored.runs[0].finished_at, 'finished offline');

  // The server is back with a new version: the next visit gets it, data intact.
  const next = readFileSync(join(DIST, 'index.html'), 'utf8').replace('<title>', '<meta name="app-version" content="next">\n    <title>');
  suite.server = await startServer(DIST, { port, extra: { '/': next, '/index.html': next } });
  await page.goto(`${suite.server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'DevOps maturity self-assessment' }).waitFor();
  assert.equal(await page.locator('meta[name="app-version"]').getAttribute('content'), 'next', 'not trapped on the old version');
  await page.getByRole('heading', { level: 3, name: 'Offline team' }).waitFor();
  // Reloading while the server was down logged the browser's own network errors;
  // nothing else may have gone wrong.
  const offline = w.problems.filter((p) => /net::ERR_/.test(p));
  w.problems = w.problems.filter((p) => !offline.includes(p));
  await w.close();
});
