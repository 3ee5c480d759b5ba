/**
 * The emitted files are already in the SDK's style: `prettier --check` with the package's own
 * .prettierrc.json changes nothing. src/runtime/ is left out for now: the runtime files are made
 * prettier-clean separately (they are copied verbatim, not emitted).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { generateFixture } from './harness.js';
import { REPO_ROOT } from '../model/helpers.js';
import { PRETTIER_CONFIG } from '../../../generator/emit/prettier-config.js';

const PRETTIER = resolve(REPO_ROOT, 'node_modules/prettier/bin/prettier.cjs');
const FIXTURES = [
  'fixtures/petstore.yaml',
  'fixtures/types/readwrite-3.0.yaml',
  'fixtures/types/fastapi.json',
  'fixtures/hostile.yaml',
] as const;

describe('emitted code style', () => {
  for (const fixture of FIXTURES) {
    test(`${fixture}: prettier --check passes on every emitted file but the runtime`, async () => {
      const { outDir, files } = await generateFixture(fixture, `style-${fixture.replace(/\W+/g, '-')}`);
      assert.deepEqual(JSON.parse(files.get('.prettierrc.json')!), PRETTIER_CONFIG);
      const run = spawnSync(
        process.execPath,
        [PRETTIER, '--check', 'src/**/*.ts', '!src/runtime/**', 'package.json', 'tsconfig.json', '.prettierrc.json'],
        { cwd: outDir, encoding: 'utf8' },
      );
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, /All matched files use Prettier code style/);
    });
  }
});
