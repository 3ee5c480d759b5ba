/**
 * GitHub's and Stripe's real documents: generate (in a child process, to measure it alone) and
 * build the SDK under strict. Slow by nature (one run each); figures land in
 * .tmp/real-specs/figures.json and in the test's diagnostics. The specs come from npm via
 * scripts/fetch-corpus.ts (skipped when already in .cache/).
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusPath, fetchCorpus } from '../../../scripts/fetch-corpus.js';
import { REPO_ROOT } from '../model/helpers.js';
import { compile } from '../emit/harness.js';
import { pathToFileURL } from 'node:url';
import type { ApiDescriptor } from '../../../runtime/descriptor.js';

const OUT_ROOT = resolve(REPO_ROOT, '.tmp/real-specs');
/** Generation of GitHub is ~3 s here; anything near this means a hang, not a slow machine. */
const GENERATE_TIMEOUT_MS = 120_000;
/** The budget from the issue: GitHub generates in under 5 s and 600 MB. Reported, not asserted on timing. */
const MAX_PEAK_RSS_MB = 600;

const SPECS = [
  { name: 'github', file: 'github.json', client: 'GitHub', minOperations: 1000, validated: 'repos/get' },
  { name: 'stripe', file: 'stripe.json', client: 'Stripe', minOperations: 300, validated: 'GetAccount' },
] as const;

const figures: Record<string, Record<string, unknown>> = {};

describe('real specs', () => {
  before(() => {
    fetchCorpus();
    mkdirSync(OUT_ROOT, { recursive: true });
  });

  for (const spec of SPECS) {
    test(`${spec.name}: generates (with response schemas) and builds under strict with zero errors`, async (t) => {
      const outDir = join(OUT_ROOT, spec.name);
      const wallStart = performance.now();
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve(import.meta.dirname, 'generate-one.ts'),
          corpusPath(spec.file),
          outDir,
          spec.client,
        ],
        {
          encoding: 'utf8',
          timeout: GENERATE_TIMEOUT_MS,
          maxBuffer: 1 << 20,
        },
      );
      const wallMs = Math.round(performance.now() - wallStart);
      assert.equal(child.status, 0, child.stderr);
      const generation = JSON.parse(child.stdout) as { operations: number; peakRssMb: number };
      assert.ok(generation.operations >= spec.minOperations, `only ${generation.operations} operations`);
      assert.ok(generation.peakRssMb < MAX_PEAK_RSS_MB, `peak RSS ${generation.peakRssMb} MB`);

      const tscStart = performance.now();
      const build = compile(outDir);
      const tscMs = Math.round(performance.now() - tscStart);
      const errorCount = (build.output.match(/error TS\d+/g) ?? []).length;
      figures[spec.name] = { ...generation, processWallMs: wallMs, tscMs, tscErrors: errorCount };
      writeFileSync(join(OUT_ROOT, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
      t.diagnostic(`${spec.name}: ${JSON.stringify(figures[spec.name])}`);
      assert.equal(build.output.trim().split('\n').slice(0, 20).join('\n'), '');
      assert.equal(errorCount, 0);
      assert.equal(build.status, 0);

      // The built package's validator loads (ajv, the schema bundle) and checks a real operation.
      const { api } = (await import(pathToFileURL(join(outDir, 'dist/operations.js')).href)) as { api: ApiDescriptor };
      const check = await api.responseSchemas!.load();
      const issues = check(spec.validated, 200, {});
      assert.ok(
        Array.isArray(issues) && issues.some((i) => i.keyword === 'required'),
        `an empty object is not a valid ${spec.validated} body: ${JSON.stringify(issues)}`,
      );
    });
  }
});
