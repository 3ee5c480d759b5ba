import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type Phase, type ProgressReporter } from '../../../generator/generate.js';
import { MANIFEST_FILE } from '../../../generator/write.js';
import { REPO_ROOT, scratchDir } from './run-cli.js';

const scratch = scratchDir('pipeline');
after(() => scratch.cleanup());

/** Every good fixture with the operation count its paths declare. */
const FIXTURES = [
  { spec: 'fixtures/petstore.yaml', operations: 5 },
  { spec: 'fixtures/api-3.1.json', operations: 4 },
  { spec: 'fixtures/swagger-2.0.yaml', operations: 3 },
  { spec: 'fixtures/multi-file/openapi.yaml', operations: 3 },
  { spec: 'fixtures/hostile.yaml', operations: 9 },
  { spec: 'fixtures/link-paginated.yaml', operations: 3 },
];

class RecordingProgress implements ProgressReporter {
  readonly events: string[] = [];
  phaseStarted(phase: Phase): void {
    this.events.push(`start ${phase}`);
  }
  phaseDone(phase: Phase): void {
    this.events.push(`done ${phase}`);
  }
}

describe('generate(): the pipeline on every good fixture', () => {
  for (const { spec, operations } of FIXTURES) {
    test(spec, async () => {
      const folder = join(scratch.path, spec.replace(/\W+/g, '_'));
      const output = join(folder, 'out');
      const config = join(folder, 'sdkgen.config.yaml');
      mkdirSync(folder, { recursive: true });
      // runtime: package keeps the re-check below independent of runtime/ edits made meanwhile.
      writeFileSync(
        config,
        `spec: ${join(REPO_ROOT, spec)}\noutput: ./out\nruntime: package\nruntimePackage: "@acme/runtime"\n`,
      );
      const progress = new RecordingProgress();
      const result = await generate({ config, check: false, allowRemoteRefs: false }, progress);
      assert.equal(result.operations, operations);
      assert.equal(result.written, true);
      assert.deepEqual(progress.events, [
        'start load',
        'done load',
        'start model',
        'done model',
        'start emit',
        'done emit',
        'start write',
        'done write',
      ]);
      const manifest = JSON.parse(readFileSync(join(output, MANIFEST_FILE), 'utf8')) as {
        files: Record<string, string>;
      };
      assert.equal(Object.keys(manifest.files).length, result.files);
      for (const path of Object.keys(manifest.files)) assert.ok(existsSync(join(output, path)), path);
      const check = await generate({ config, check: true, allowRemoteRefs: false });
      assert.deepEqual(check.drift, [], 'a second generation matches the first byte for byte');
      assert.equal(check.written, false);
    });
  }
});
