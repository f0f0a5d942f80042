// Run first by assets/csp.mjs (Trunk's post_build hook): stages the wasm chunks and
// their loader that tools/wasm-bindgen split off the app (one chunk per lazy route),
// beside Trunk's hashed main JS, and shrinks the chunks with wasm-opt as Trunk does
// the main module. A build without the split (the wrapper not first on PATH) would
// load a blank page, so it fails here, saying what to do.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!stage) throw new Error('split.mjs: no TRUNK_STAGING_DIR and no directory given');
const profile = process.env.TRUNK_PROFILE ?? 'release';
const target = process.env.CARGO_TARGET_DIR ?? 'target';
const split = join(target, 'wasm-bindgen', profile, 'split');

const mainJs = readdirSync(stage).find((f) => /^devops-maturity-[0-9a-f]+\.js$/.test(f));
if (!mainJs) throw new Error('split.mjs: no devops-maturity-<hash>.js in the staging directory');
const glue = readFileSync(join(stage, mainJs), 'utf8');
if (glue.includes('__wasm_split_placeholder__') || !existsSync(join(split, 'BUILD'))) {
  throw new Error('split.mjs: the wasm was not split. Put tools/ first on PATH (as .ci/serve and .ci/test do) so Trunk runs tools/wasm-bindgen.');
}
const build = readFileSync(join(split, 'BUILD'), 'utf8').trim();
const loaderName = `__wasm_split-${build}.js`;
if (!glue.includes(`"./${loaderName}"`)) throw new Error(`split.mjs: ${mainJs} does not import ${loaderName}`);

// The loader imports the main glue back: by exactly the URL Trunk's loader uses, or
// the browser would make a second, uninitialised instance of it.
const loader = readFileSync(join(split, loaderName), 'utf8');
const patched = loader.replace(/from "\.\/devops-maturity\.js"/g, `from "./${mainJs}"`);
if (patched === loader) throw new Error('split.mjs: the chunk loader does not import ./devops-maturity.js');
writeFileSync(join(stage, loaderName), patched);

const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm'));
// wasm-opt as Trunk runs it on the main module, one process per core.
const optimise = (chunk) => new Promise((done, fail) => {
  execFile('wasm-opt', ['-Oz', join(split, chunk), '-o', join(stage, chunk)], (error) => (error ? fail(error) : done()));
});
if (profile === 'release') {
  const queue = [...chunks];
  const worker = async () => { for (let c = queue.shift(); c; c = queue.shift()) await optimise(c); };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
} else {
  for (const chunk of chunks) copyFileSync(join(split, chunk), join(stage, chunk));
}
console.log(`split.mjs: staged ${loaderName} and ${chunks.length} wasm chunk(s)`);
