// A static file server for the built app (dist/), as a good static host would serve
// it (and as deploy/'s nginx and Caddy configs do): files by path, index.html for app
// routes (the SPA fallback), the brotli or gzip copy the browser accepts, files named
// by their content's hash kept for good, and the security headers of
// assets/policy.mjs on every response. Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HASHED, SECURITY_HEADERS } from '../../assets/policy.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export { HASHED };

/** The build to serve: dist/, or APP_DIST (the subpath build .ci/test makes). */
export const DIST = process.env.APP_DIST
  ? resolve(process.env.APP_DIST)
  : resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
/** The path the app lives under (`/tools/maturity`), as the build was told with
 *  `--public-url`; empty at the root of the site. */
export const BASE = (process.env.APP_BASE ?? '').replace(/\/+$/, '');

/** Starts a server for `root` on 127.0.0.1 and a free port, the app under `base`;
 *  resolves to { url, close, served }, `url` being the app's address (with its
 *  base) and `served` every response so far: { path, status, bytes } (bytes as sent). */
export async function startServer(root = DIST, { extra = {}, port: wanted = 0, base = BASE } = {}) {
  const served = [];
  const server = createServer(async (req, res) => {
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      const path = new URL(req.url, 'http://x').pathname;
      served.push({ path, status: res.statusCode, bytes: body ? Buffer.byteLength(body) : 0 });
      return end(body, ...rest);
    };
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Nothing of the app exists outside its base path.
    if (full !== base && !full.startsWith(`${base}/`)) {
      res.writeHead(404).end('not found');
      return;
    }
    const path = full.slice(base.length) || '/';
    if (extra[path]) {
      // A path without an extension is an app route: an HTML page.
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'text/plain' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let target = file;
    try {
      if (!(await stat(file)).isFile()) target = join(root, 'index.html');
    } catch {
      // An unknown path with a file extension is a real 404; anything else is an app route.
      if (extname(path)) {
        res.writeHead(404).end('not found');
        return;
      }
      target = join(root, 'index.html');
    }
    // The precompressed copy the browser accepts, if the build made one.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let encoding = null;
    for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.includes(name)) continue;
      try {
        if ((await stat(target + ext)).isFile()) { encoding = [name, ext]; break; }
      } catch { /* no such copy */ }
    }
    const sent = encoding ? target + encoding[1] : target;
    // A validator, as static hosts send: a browser or the service worker checking
    // whether its copy is current gets "304 Not Modified", not the file again.
    const { size, mtimeMs } = await stat(sent);
    const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    const headers = {
      ...SECURITY_HEADERS,
      ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      etag,
      vary: 'accept-encoding',
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      // As a good static host would: files named by their content's hash are kept
      // for good; everything else is checked with the server on every use.
      'cache-control': HASHED.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(sent);
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(wanted, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    served,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

// `node tests/e2e/serve.mjs [port]` serves dist/ by hand (`bash .ci/serve` does).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(DIST, { port: Number(process.argv[2] ?? 0) });
  console.log(`serving ${DIST} at ${url}`);
}
