import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, writeOutput } from '../../../generator/write.js';
import { scratchDir, tree } from './run-cli.js';

const scratch = scratchDir('write');
after(() => scratch.cleanup());

const FILES = new Map([
  ['src/index.ts', "export * from './client.js';\n"],
  ['src/client.ts', 'export class PetStore {}\r\n'],
  ['package.json', '{ "name": "pet-store" }\n'],
  ['README.md', '# Pet Store\n'],
]);

describe('writeOutput', () => {
  test('is deterministic: the same files give the same bytes, LF only, with a manifest', async () => {
    const a = join(scratch.path, 'det-a');
    const b = join(scratch.path, 'det-b');
    await writeOutput(a, FILES, { check: false });
    await writeOutput(b, new Map([...FILES].reverse()), { check: false });
    assert.deepEqual(tree(a), tree(b));
    assert.equal(readFileSync(join(a, 'src/client.ts'), 'utf8'), 'export class PetStore {}\n');
    const manifest = JSON.parse(readFileSync(join(a, MANIFEST_FILE), 'utf8')) as { files: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.files), ['README.md', 'package.json', 'src/client.ts', 'src/index.ts']);
    assert.doesNotMatch(JSON.stringify(manifest), new RegExp(scratch.path.replace(/[/\\]/g, '.')), 'no absolute paths');
  });

  test('--check lists added, changed (with the first differing line) and removed files, and writes nothing', async () => {
    const out = join(scratch.path, 'check');
    await writeOutput(out, FILES, { check: false });
    assert.deepEqual((await writeOutput(out, FILES, { check: true })).drift, []);
    writeFileSync(join(out, 'README.md'), '# Pet Store\nedited by hand\n');
    const next = new Map(FILES);
    next.delete('package.json');
    next.set('src/new.ts', 'export {};\n');
    const before = tree(out);
    const result = await writeOutput(out, next, { check: true });
    assert.equal(result.written, false);
    assert.deepEqual(tree(out), before, 'check mode writes nothing');
    assert.deepEqual(result.drift, [
      { path: 'README.md', kind: 'changed', line: 2, expected: '<end of file>', actual: 'edited by hand' },
      { path: 'package.json', kind: 'removed' },
      { path: 'src/new.ts', kind: 'added' },
    ]);
  });

  test('removes stale generated files and keeps files the user added', async () => {
    const out = join(scratch.path, 'stale');
    await writeOutput(out, FILES, { check: false });
    mkdirSync(join(out, 'node_modules/undici'), { recursive: true });
    writeFileSync(join(out, 'node_modules/undici/index.js'), 'module.exports = 1;\n');
    writeFileSync(join(out, 'src/custom.ts'), '// mine\n');
    mkdirSync(join(out, 'dist'));
    writeFileSync(join(out, 'dist/index.js'), 'built\n');
    const next = new Map(FILES);
    next.delete('src/index.ts');
    const result = await writeOutput(out, next, { check: false });
    assert.equal(result.written, true);
    assert.equal(existsSync(join(out, 'src/index.ts')), false, 'stale generated file removed');
    assert.equal(readFileSync(join(out, 'src/custom.ts'), 'utf8'), '// mine\n');
    assert.equal(readFileSync(join(out, 'node_modules/undici/index.js'), 'utf8'), 'module.exports = 1;\n');
    assert.equal(readFileSync(join(out, 'dist/index.js'), 'utf8'), 'built\n');
    assert.deepEqual(
      readdirSync(scratch.path).filter((name) => name.includes('sdkgen-staging')),
      [],
      'no staging left',
    );
  });

  test('an up-to-date output is not rewritten (mtimes kept for incremental builds)', async () => {
    const out = join(scratch.path, 'same');
    await writeOutput(out, FILES, { check: false });
    const before = statSync(join(out, 'README.md')).mtimeMs;
    const result = await writeOutput(out, FILES, { check: false });
    assert.equal(result.written, false);
    assert.equal(statSync(join(out, 'README.md')).mtimeMs, before);
  });

  test('a failing write leaves the previous output intact, user files included', async () => {
    const out = join(scratch.path, 'atomic');
    await writeOutput(out, FILES, { check: false });
    writeFileSync(join(out, 'notes.txt'), 'keep me\n');
    const before = tree(out);
    // `src` as a file and `src/x.ts` under it cannot both exist: the staging write fails midway.
    const broken = new Map([
      ['README.md', '# changed\n'],
      ['src', 'a file where a folder must be\n'],
      ['src/x.ts', 'export {};\n'],
    ]);
    await assert.rejects(writeOutput(out, broken, { check: false }));
    assert.deepEqual(tree(out), before);
    assert.deepEqual(
      readdirSync(scratch.path).filter((name) => name.includes('sdkgen-staging')),
      [],
    );
  });

  test('paths that could escape the output folder are refused', async () => {
    await assert.rejects(
      writeOutput(join(scratch.path, 'escape'), new Map([['../evil.ts', '']]), { check: false }),
      /invalid output path/,
    );
    assert.equal(existsSync(join(scratch.path, 'evil.ts')), false);
  });

  test('an output folder that contains the working directory is refused', async () => {
    await assert.rejects(writeOutput(process.cwd(), FILES, { check: false }), /contains the working directory/);
  });
});
