// A static file server for the built app (dist/), as a good static host would serve
// it: files by path, index.html for app routes (the SPA fallback), the brotli or gzip
// copy the browser accepts, and files named by their content's hash kept for good.
// Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A build file named by its content's hash (Trunk's, or the wasm chunks' build id). */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/** Starts a server for `root` on 127.0.0.1 and a free port; resolves to { url, close }. */
export async function startServer(root = DIST, { extra = {}, port: wanted = 0 } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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
    const body = await readFile(encoding ? target + encoding[1] : target);
    res.writeHead(200, {
      ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      vary: 'accept-encoding',
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      // As a good static host would: files named by their content's hash are kept
      // for good; everything else is checked with the server on every use.
      'cache-control': HASHED.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(wanted, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

// `node tests/e2e/serve.mjs [port]` serves dist/ by hand (`bash .ci/serve` does).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(DIST, { port: Number(process.argv[2] ?? 0) });
  console.log(`serving ${DIST} at ${url}`);
}
