/**
 * The generated packages' own `npm test` on GitHub and Stripe: generate into .tmp/ (inside the
 * repository, so undici and typescript resolve from its node_modules), build with tsc, run
 * `node --test test/`, and print one Markdown row per spec (docs/publishing.md quotes them).
 *
 *   nice -n 10 node --import tsx scripts/measure-generated-tests.ts [github stripe]
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from '../generator/generate.js';
import { corpusPath } from './fetch-corpus.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
/** GitHub's package takes about a minute to build on a quiet 2-core machine; never hang for ever. */
const STEP_TIMEOUT_MS = 900_000;

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['github', 'stripe'];
process.stdout.write(
  '| spec | operations | tests generated | passing | failing | generate | tsc | `node --test` | cases.json |\n|---|---|---|---|---|---|---|---|---|\n',
);
for (const name of names) {
  const outDir = join(REPO_ROOT, '.tmp', `gt-${name}`);
  let started = performance.now();
  const result = await generate({
    spec: corpusPath(`${name}.json`),
    output: outDir,
    check: false,
    allowRemoteRefs: false,
  });
  const generateS = (performance.now() - started) / 1000;
  started = performance.now();
  const tsc = spawnSync(process.execPath, [TSC, '-p', join(outDir, 'tsconfig.json')], {
    encoding: 'utf8',
    timeout: STEP_TIMEOUT_MS,
  });
  const tscS = (performance.now() - started) / 1000;
  if (tsc.status !== 0) throw new Error(`${name}: tsc failed\n${tsc.stdout}${tsc.stderr}`);
  started = performance.now();
  const { NODE_TEST_CONTEXT: _inherited, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'test/'], {
    cwd: outDir,
    encoding: 'utf8',
    env,
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const testS = (performance.now() - started) / 1000;
  const count = (what: string) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(run.stdout)?.[1] ?? -1);
  const casesMb = statSync(join(outDir, 'test/cases.json')).size / 1e6;
  process.stdout.write(
    `| ${name} | ${result.operations} | ${count('tests')} | ${count('pass')} | ${count('fail')} | ${generateS.toFixed(1)} s | ${tscS.toFixed(1)} s | ${testS.toFixed(1)} s | ${casesMb.toFixed(1)} MB |\n`,
  );
}
