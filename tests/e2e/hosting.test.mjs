// The server configs we ship (deploy/) on the servers people use: nginx and Caddy,
// each at the root of a site (serving the release zip as a user unzips it, with the
// config inside it) and under /tools/maturity/ (the subpath build), started on
// loopback with the config as shipped: only the port and the folder are changed.
// For each: a first visit to a join link, a resumed run and a deep link reloaded,
// offline after one visit, brotli or gzip with the right Content-Type and Vary,
// hashed files kept for good and the rest revalidated, the security headers, a page
// that frames the app refused, a missing file a 404.
// Needs HOSTING_RELEASE (the zip `.ci/release` makes) and HOSTING_SUBPATH_DIST (a
// build for /tools/maturity/); `bash .ci/test` sets both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HEADER_POLICY, SECURITY_HEADERS } from '../../assets/policy.mjs';
import { launch, Suite } from './harness.mjs';
import { AssessmentApp } from './app.mjs';

const RELEASE = process.env.HOSTING_RELEASE && resolve(process.env.HOSTING_RELEASE);
const SUBPATH_DIST = process.env.HOSTING_SUBPATH_DIST && resolve(process.env.HOSTING_SUBPATH_DIST);
const BASE = '/tools/maturity';

/** A free port on loopback. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Resolves once something answers on `port`. */
async function listening(port, what, log) {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((ok) => {
      get({ host: '127.0.0.1', port, path: '/' }, (res) => { res.resume(); ok(true); }).on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start: ${log()}`);
}

/** The shipped `config` with its port and folders set for this run. */
function localised(config, port, folders) {
  let text = readFileSync(config, 'utf8')
    .replace(/^(\s*)listen 8080;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^http:\/\/:8080 \{/m, `http://127.0.0.1:${port} {`);
  for (const [shipped, here] of Object.entries(folders)) text = text.replaceAll(shipped, here);
  assert.ok(text.includes(String(port)), `${config}: no listen line or site address to set`);
  return text;
}

/** A folder for a server's files, readable by its workers (which run as nobody). */
function folder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Starts nginx with `config` (a server block for conf.d) on loopback. */
async function nginx(config, folders) {
  const dir = folder('nginx-');
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), localised(config, port, folders));
  // What /etc/nginx/nginx.conf and modules-enabled give a Debian install.
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  include ${dir}/site.conf;
}
`);
  let log = '';
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')]);
  child.stderr.on('data', (d) => { log += d; });
  await listening(port, 'nginx', () => log + readFileSync(join(dir, 'error.log'), 'utf8'));
  return { port, stop: () => child.kill() };
}

/** Starts Caddy with `config` (a whole Caddyfile) on loopback. */
async function caddy(config, folders) {
  const dir = folder('caddy-');
  const port = await freePort();
  writeFileSync(join(dir, 'Caddyfile'), localised(config, port, folders));
  let log = '';
  const child = spawn('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: { ...process.env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir },
  });
  child.stderr.on('data', (d) => { log += d; });
  await listening(port, 'Caddy', () => log);
  return { port, stop: () => child.kill() };
}

/** The release as a user unzips it: `app/` (the files) and `deploy/` (the configs). */
function unzipped() {
  const dir = folder('release-');
  execFileSync('python3', ['-m', 'zipfile', '-e', RELEASE, dir]);
  const [top] = execFileSync('ls', [dir]).toString().trim().split('\n');
  return join(dir, top);
}

/** The subpath build placed where the subpath configs look for it. */
function www() {
  const dir = folder('www-');
  mkdirSync(join(dir, 'tools'), { recursive: true });
  cpSync(SUBPATH_DIST, join(dir, 'tools', 'maturity'), { recursive: true });
  return dir;
}

/** A response's status, headers and body length, as sent (never decompressed). */
function fetchRaw(url, encoding) {
  return new Promise((ok, fail) => {
    get(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (d) => { bytes += d.length; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, bytes }));
    }).on('error', fail);
  });
}

const VARIANTS = [
  { name: 'nginx at the root', server: nginx, base: '', config: (r) => join(r, 'deploy', 'nginx.conf') },
  { name: 'Caddy at the root', server: caddy, base: '', config: (r) => join(r, 'deploy', 'Caddyfile') },
  { name: 'nginx under /tools/maturity/', server: nginx, base: BASE, config: () => 'deploy/nginx-subpath.conf' },
  { name: 'Caddy under /tools/maturity/', server: caddy, base: BASE, config: () => 'deploy/Caddyfile-subpath' },
];

for (const variant of VARIANTS) {
  describe(variant.name, { skip: !(RELEASE && SUBPATH_DIST) && 'HOSTING_RELEASE and HOSTING_SUBPATH_DIST are not set' }, () => {
    let running;
    let origin;
    let url;
    let suite;
    before(async () => {
      if (variant.base) {
        running = await variant.server(variant.config(), { '/srv/www': www() });
      } else {
        const release = unzipped();
        running = await variant.server(variant.config(release), { '/srv/devops-maturity': join(release, 'app') });
      }
      origin = `http://127.0.0.1:${running.port}`;
      url = origin + variant.base;
      suite = await new Suite().start({ url });
    });
    after(async () => {
      await suite?.stop();
      running?.stop();
    });

    test('each file with its type, the copy the browser accepts, and the right caching', async () => {
      const page = await fetchRaw(`${url}/`, 'br, gzip');
      assert.equal(page.status, 200);
      assert.match(page.headers['content-type'], /^text\/html/);
      assert.match(page.headers['cache-control'], /no-cache/, 'index.html is revalidated');
      const html = await new Promise((ok) => get(`${url}/`, (res) => { let s = ''; res.on('data', (d) => { s += d; }); res.on('end', () => ok(s)); }));
      const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
      assert.ok(wasm, 'index.html names the app\'s wasm');
      const wasmUrl = new URL(wasm, `${url}/`).href;
      const br = await fetchRaw(wasmUrl, 'gzip, deflate, br');
      const gz = await fetchRaw(wasmUrl, 'gzip');
      const plain = await fetchRaw(wasmUrl, 'identity');
      assert.equal(br.headers['content-encoding'], 'br', 'brotli to a browser that asks for it');
      assert.equal(gz.headers['content-encoding'], 'gzip', 'gzip to one that takes only gzip');
      assert.equal(plain.headers['content-encoding'], undefined, 'as it is to one that takes neither');
      assert.ok(br.bytes < gz.bytes && gz.bytes < plain.bytes, `br ${br.bytes} < gzip ${gz.bytes} < plain ${plain.bytes}`);
      for (const r of [br, gz, plain]) {
        assert.equal(r.headers['content-type'], 'application/wasm');
        assert.match(r.headers.vary ?? '', /accept-encoding/i, 'Vary: Accept-Encoding, so no cache mixes them up');
        assert.match(r.headers['cache-control'], /max-age=31536000.*immutable|immutable.*max-age=31536000/, 'a hashed file is kept for good');
      }
      const worker = await fetchRaw(`${url}/sw.js`, 'br, gzip');
      assert.equal(worker.status, 200);
      assert.match(worker.headers['content-type'], /javascript/);
      assert.match(worker.headers['cache-control'], /no-cache/, 'the service worker is revalidated');
      const manifest = html.match(/href="([^"]+\.webmanifest)"/)?.[1];
      assert.ok(manifest, 'index.html names the manifest');
      assert.match((await fetchRaw(new URL(manifest, `${url}/`).href)).headers['content-type'], /^application\/manifest\+json/);
      assert.equal((await fetchRaw(`${url}/no-such-file.js`)).status, 404, 'a missing file is a 404, not the app');
      const deep = await fetchRaw(`${url}/teams/some-team/compare`);
      assert.equal(deep.status, 200, 'an app route is the app\'s page');
      assert.match(deep.headers['content-type'], /^text\/html/);
      if (variant.base) {
        const bare = await fetchRaw(`${origin}${variant.base}`);
        assert.equal(bare.status, 301);
        assert.equal(bare.headers.location, `${variant.base}/`, 'the address without its slash leads to the app');
      }
    });

    test('the security headers on every response', async () => {
      for (const path of ['/', '/sw.js', '/teams/x']) {
        const r = await fetchRaw(`${url}${path}`, 'br');
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          assert.equal(r.headers[name.toLowerCase()], value, `${path}: ${name}`);
        }
      }
      assert.match(HEADER_POLICY, /frame-ancestors 'none'/);
    });

    test('a page of another site that frames the app gets nothing', async () => {
      const framer = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>framer</title><iframe src="${url}/"></iframe>`);
      });
      await new Promise((ok) => framer.listen(0, '127.0.0.1', ok));
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${framer.address().port}/`);
        await page.waitForTimeout(1500);
        const frame = page.frames().find((f) => f !== page.mainFrame());
        // Refused by frame-ancestors: the browser shows its own error page instead.
        assert.match(frame.url(), /^chrome-error:/, `the app is not drawn inside another site (the frame shows ${frame.url()})`);
      } finally {
        await browser.close();
        await new Promise((ok) => framer.close(ok));
      }
    });

    test('a first visit to a join link, a run resumed after a reload, and offline after one visit', async () => {
      const f = await suite.context();
      const facilitator = await f.newPage();
      await facilitator.goto(`${url}/`);
      await facilitator.getByLabel('Team name').fill('Payments');
      await facilitator.getByRole('button', { name: 'Start a workshop' }).click();
      const joinLink = await facilitator.getByRole('textbox', { name: 'Join link' }).inputValue();
      assert.ok(joinLink.startsWith(`${url}/join#`), joinLink);
      await f.close();

      // A participant's phone: the join link is its first visit.
      const w = await suite.context();
      const page = await w.newPage();
      await page.goto(joinLink);
      await page.getByRole('radio').first().check();
      const app = new AssessmentApp(page, url, w);
      // A team's own run: started, answered, and the deep link reloaded.
      await app.open('/');
      await app.start('Checkout');
      await app.choose(2);
      await app.next();
      const second = await app.questionText();
      const runUrl = page.url();
      assert.ok(runUrl.startsWith(`${url}/runs/`), runUrl);
      await page.reload();
      assert.equal(await app.questionText(), second, 'the run resumes where it was');
      await app.previous();
      assert.equal(await app.chosen(), 2, 'with its answers');
      // Offline once the service worker holds the app.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
      await w.context.setOffline(true);
      await page.goto(`${url}/`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.goto(runUrl);
      assert.equal(await app.questionText() !== '', true, 'a run opens offline');
      await w.context.setOffline(false);
      // Requests that failed while offline are the point of the test, not errors.
      w.problems = w.problems.filter((p) => !/net::ERR_|Failed to load resource/.test(p));
      await w.close();
    });
  });
}
