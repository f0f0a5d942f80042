// Browser harness for the user journeys: one headless Debian Chromium, a fresh
// context per test, and a watch on every page for what must never happen:
// page errors, console errors, requests to another origin, accessibility violations.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { startServer } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic',
      // Extra flags for experiments, e.g. CHROMIUM_EXTRA_ARGS='--js-flags=--no-liftoff'.
      ...(process.env.CHROMIUM_EXTRA_ARGS ?? '').split(' ').filter(Boolean),
    ],
  });
}

/** A running app (static server + browser) for one test file. */
export class Suite {
  /** `extra`: paths the server answers with fixed text (see serve.mjs); `url`:
   *  the app as another server already serves it (nginx, Caddy), instead of ours. */
  async start({ extra, url } = {}) {
    this.server = url ? { url, served: [], close: async () => {} } : await startServer(undefined, { extra });
    this.browser = await launch();
    return this;
  }
  async stop() {
    await this.browser?.close();
    await this.server?.close();
  }
  /** A fresh browser profile (empty storage) whose pages are all watched;
   *  `locale` sets the browser's preferred language (`navigator.languages`). */
  async context({ locale } = {}) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, ...(locale ? { locale } : {}) });
    // Every page runs under the app's Content-Security-Policy (a <meta> tag in the
    // built index.html); any violation is reported as a console error, which fails
    // the test that caused it.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} refused ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    return new Watched(context, this.server.url);
  }
}

export class Watched {
  constructor(context, origin) {
    this.context = context;
    this.origin = origin;
    this.problems = [];
    this.requests = [];
    context.on('page', (page) => this.watch(page));
  }
  watch(page) {
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      const url = r.url();
      this.requests.push(url);
      if (!url.startsWith(this.origin) && !/^(data|blob):/.test(url)) {
        this.problems.push(`request to another origin: ${url}`);
      }
    });
  }
  async newPage() {
    return this.context.newPage();
  }
  /** Runs axe on the page as it is now; any violation fails the test. */
  async audit(page, where) {
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const found = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    assert.deepEqual(found, [], `accessibility violations on ${where}`);
  }
  /** Fails on anything the watch saw; call at the end of every test. */
  async close() {
    await this.context.close();
    assert.deepEqual(this.problems, [], 'pages must run without errors or off-origin requests');
  }
}

/** Waits until `read()` satisfies `ok`, then returns it; fails with the last value. */
export async function eventually(read, ok, what, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) assert.fail(`${what}: last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
