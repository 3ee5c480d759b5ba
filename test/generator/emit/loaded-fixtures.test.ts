/** Fixtures that need the real loader (Swagger 2.0 upgrade, multi-file bundling) still build under strict. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../../generator/load/index.js';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage } from '../../../generator/emit/index.js';
import { configFor } from '../model/helpers.js';
import { compile, TMP_ROOT, writeFiles } from './harness.js';

const LOADED = [
  ['fixtures/swagger-2.0.yaml', 'loaded-swagger-2.0'],
  ['fixtures/multi-file/openapi.yaml', 'loaded-multi-file'],
] as const;

describe('fixtures through the loader', () => {
  for (const [fixture, name] of LOADED) {
    test(`${fixture} generates, twice identically, and compiles`, async () => {
      const spec = await loadSpec(fixture, { allowRemoteRefs: false });
      const config = configFor();
      const files = await emitPackage(buildModel(spec, config), spec, config);
      const again = await emitPackage(buildModel(spec, config), spec, config);
      assert.deepEqual([...again.entries()], [...files.entries()]);
      const outDir = join(TMP_ROOT, name);
      writeFiles(outDir, files);
      const result = compile(outDir, ['--noEmit']);
      assert.equal(result.output.trim(), '');
      assert.equal(result.status, 0);
    });
  }
});
