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
  // The service worker has installed (cached every file of the build) and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith(`devops-maturity ${location.origin}`)));
    return (await cache.keys()).map((r) => r.url).sort();
  });
  const base = suite.server.url;
  assert.ok(cached.includes(`${base}/index.html`) && cached.some((u) => u.endsWith('.wasm')) && cached.includes(`${base}/vendor/echarts.min.js`), cached.join(' '));
  assert.ok(cached.every((u) => u.startsWith(`${base}/`)), `every cached file is the app's own: ${cached.join(' ')}`);
  // The visit so far, worker included, downloaded no file twice: the worker took
  // the hashed files from the HTTP cache and had the others confirmed current.
  // One exception: Chromium fetches the tab's icon (0.2 KB) outside the page's HTTP
  // cache, so the worker's copy of it is a download of its own.
  const downloads = suite.server.served.filter((s) => s.status === 200).map((s) => s.path)
    .filter((p) => !/\/icon-[0-9a-f]{16}\.svg$/.test(p));
  const twice = downloads.filter((p, i) => downloads.indexOf(p) !== i);
  assert.deepEqual(twice, [], `downloaded twice on a first visit: ${twice.join(' ')}`);
  assert.ok(suite.server.served.some((s) => s.status === 304), 'the worker revalidated what the page had');

  // Installable: a manifest with a name, a start URL and an icon.
  // Its URLs are relative to the manifest, so they hold under a subpath too.
  const manifestUrl = `${suite.server.url}/manifest.webmanifest`;
  const manifest = await (await page.request.get(manifestUrl)).json();
  assert.equal(new URL(manifest.start_url, manifestUrl).href, `${suite.server.url}/`);
  assert.equal(new URL(manifest.scope, manifestUrl).href, `${suite.server.url}/`);
  assert.ok(manifest.name && manifest.display === 'standalone');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, manifestUrl).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'].split(';')[0], icon.type, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'), 'a 512 px PNG icon');

  // The network is gone: the server is stopped.
  const port = Number(new URL(suite.server.url).port);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${suite.server.url}/`, "the service worker's scope is the app's address");
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

test('the language chosen works offline: its file is kept by the service worker after one visit', async (t) => {
  const server = await startServer(DIST);
  const context = await suite.browser.newContext({ locale: 'de-DE' });
  // Whatever happens, nothing is left running to hold the test process open.
  t.after(async () => {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  // The page is drawn once its language is there.
  await page.locator('main h1').first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  const german = await page.locator('header .privacy').textContent();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  // Kept once the worker is there (the page fetched it before the worker existed).
  await page.waitForFunction(async () => {
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      if ((await cache.keys()).some((r) => /\/i18n\/de-[0-9a-f]{16}\.json$/.test(r.url))) return true;
    }
    return false;
  }, null, { timeout: 15000 });
  const others = await page.evaluate(async () => {
    const urls = [];
    for (const key of await caches.keys()) urls.push(...(await (await caches.open(key)).keys()).map((r) => r.url));
    return urls.filter((u) => /\/i18n\/(es|fr)-/.test(u));
  });
  assert.deepEqual(others, [], 'languages not chosen are not downloaded, not even to keep');
  await server.close();
  await page.reload();
  await page.locator('main h1').first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.locator('header .privacy').textContent(), german, 'still German with the server gone');
});
