/**
 * Fuzz: documents mutated from a hostile alphabet (names and strings, see hostile-spec.ts) go
 * through the real pipeline; every SDK must build under its strict tsconfig, and importing it
 * (its TypeScript sources, through tsx) and constructing its client must never run the injection
 * sentinel that hides in the spec's strings.
 *
 * FUZZ_SEEDS=200 node scripts/run-tests.mjs test/corpus/fuzz.test.ts   (CI runs the default 20)
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/generate.js';
import { InputError } from '../../generator/types.js';
import { typecheckPackage } from '../../scripts/corpus/typecheck.js';
import { hostileSpec } from './hostile-spec.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Per process: another engineer's full test run may run this file at the same time. */
const OUT_ROOT = join(REPO_ROOT, '.tmp/fuzz', String(process.pid));
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 20);
const FIRST_SEED = Number(process.env.FUZZ_FIRST_SEED ?? 1);

const pwned = () => (globalThis as { __pwned?: unknown }).__pwned;

describe('fuzz: hostile names and strings', () => {
  before(() => {
    rmSync(OUT_ROOT, { recursive: true, force: true });
    mkdirSync(OUT_ROOT, { recursive: true });
  });

  for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
    test(`seed ${seed}: generates, builds under strict, imports without running spec strings`, async () => {
      const dir = join(OUT_ROOT, `seed-${seed}`);
      mkdirSync(dir, { recursive: true });
      const specPath = join(dir, 'openapi.json');
      writeFileSync(specPath, JSON.stringify(hostileSpec({ seed }), null, 2));
      const outDir = join(dir, 'sdk');
      try {
        await generate({ spec: specPath, output: outDir, check: false, allowRemoteRefs: false, cwd: dir });
      } catch (error) {
        // The fuzzer only writes valid documents: a refusal is a generator bug too.
        if (error instanceof InputError)
          assert.fail(`refused: ${error.message} at ${error.details.pointer ?? '?'} (spec: ${specPath})`);
        throw error;
      }
      const checked = typecheckPackage(outDir);
      assert.deepEqual(checked.diagnostics, [], `tsc errors in ${outDir}`);

      assert.equal(pwned(), undefined);
      const sdk = (await import(pathToFileURL(join(outDir, 'src/index.node.ts')).href)) as Record<string, unknown>;
      const clientClass = Object.values(sdk).find(
        (value): value is new (options: object) => { close(): Promise<void> } =>
          typeof value === 'function' && /^class \S+ extends Client\b/.test(Function.prototype.toString.call(value)),
      );
      assert.ok(clientClass, 'the package exports its client class');
      const client = new clientClass({ baseUrl: 'http://127.0.0.1:1' });
      await client.close();
      assert.equal(pwned(), undefined, 'a spec string ran as code');
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
