// A static file server for the built app (dist/), as any static host would serve it:
// files by path, and index.html for app routes (the SPA fallback). Loopback only.
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
    const body = await readFile(target);
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
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

// `node tests/e2e/serve.mjs [port]` serves dist/ by hand.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  console.log(`serving ${DIST} at ${url}`);
}
