/**
 * The CLI as users get it from npm: compiled to dist/ (no tsx), laid out as package.json's
 * `files` ships it. Catches paths that only work from source (templates/, runtime/ found by
 * counting `../` from the module's own folder).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, scratchDir } from './run-cli.js';

const scratch = scratchDir('installed');
after(() => scratch.cleanup());
/** tsc over generator/ and runtime/ on a loaded 2-core machine. */
const BUILD_TIMEOUT_MS = 180_000;

test('the compiled bin generates a package with the templates and the runtime sources', () => {
  const pkg = scratch.path;
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    files: string[];
  };
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(REPO_ROOT, 'tsconfig.build.json'),
      '--outDir',
      join(pkg, 'dist'),
    ],
    {
      timeout: BUILD_TIMEOUT_MS,
    },
  );
  for (const entry of manifest.files.filter((f) => f !== 'dist'))
    cpSync(join(REPO_ROOT, entry), join(pkg, entry), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(pkg, 'package.json'));

  const bin = join(pkg, 'bin/sdkgen.js');
  const env = { ...process.env, CI: 'true' };
  assert.equal(
    execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env }).trim(),
    `sdkgen ${manifest.version}`,
  );
  const out = join(pkg, 'out');
  execFileSync(process.execPath, [bin, 'generate', join(REPO_ROOT, 'fixtures/petstore.yaml'), '-o', out, '--quiet'], {
    env,
    timeout: 60_000,
  });
  // The vendored runtime is the TypeScript source, not dist/'s compiled JavaScript.
  assert.equal(
    readFileSync(join(out, 'src/runtime/client.ts'), 'utf8'),
    readFileSync(join(REPO_ROOT, 'runtime/client.ts'), 'utf8'),
  );
  assert.match(readFileSync(join(out, 'README.md'), 'utf8'), /## Retries/);
  assert.equal(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).dependencies.undici, '^7.0.0');
});
