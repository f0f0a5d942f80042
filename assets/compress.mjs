// Run last by assets/csp.mjs (Trunk's post_build hook): writes a brotli (.br) and a
// gzip (.gz) copy beside every text and wasm file of the build, so a static host can
// send them as they are to browsers that accept them (see docs/deploying.md;
// `bash .ci/serve` does). The copies are not listed for the service worker: it asks
// for the files by their own names, and the host picks the encoding.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('compress.mjs: no TRUNK_STAGING_DIR and no directory given');

export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest)$/;
const walk = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
let count = 0;
for (const path of walk(dir).filter((p) => COMPRESSIBLE.test(p))) {
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  count++;
}
console.log(`compress.mjs: brotli and gzip copies of ${count} files`);
