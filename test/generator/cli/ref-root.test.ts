/**
 * Local $refs stay inside the spec's folder: a hostile spec must not copy files from elsewhere on
 * the machine (credentials, /etc) into a generated package that gets published.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchDir } from './run-cli.js';

const scratch = scratchDir('ref-root');
after(() => scratch.cleanup());

const SECRET = 'AKIA-LEAKED-SENTINEL-4711';
const specDir = join(scratch.path, 'api');
mkdirSync(specDir, { recursive: true });
// A YAML file outside the spec's folder whose content would end up in models.ts if read.
writeFileSync(
  join(scratch.path, 'secret.yaml'),
  `Pet:\n  type: object\n  description: ${SECRET}\n  properties:\n    id: { type: string }\n`,
);
symlinkSync(join(scratch.path, 'secret.yaml'), join(specDir, 'innocent.yaml'));

function specWithRef(ref: string): string {
  return [
    'openapi: 3.0.3',
    'info: { title: Leaky, version: 1.0.0 }',
    'paths:',
    '  /pets:',
    '    get:',
    '      operationId: listPets',
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    `                $ref: '${ref}'`,
    '',
  ].join('\n');
}

test('a $ref to ../ is refused at its line, and nothing is written', async () => {
  writeFileSync(join(specDir, 'parent.yaml'), specWithRef('../secret.yaml#/Pet'));
  const out = join(scratch.path, 'out-parent');
  const run = await runCli(['generate', join(specDir, 'parent.yaml'), '-o', out]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /outside the folder specs may read/);
  assert.match(run.stderr, /parent\.yaml:13:23/);
  assert.match(run.stderr, /--ref-root/);
  assert.ok(!run.stderr.includes(SECRET));
  assert.ok(!existsSync(out));
});

test('an absolute $ref and a symlink pointing outside are refused too', async () => {
  for (const [name, ref] of [
    ['absolute', `${join(scratch.path, 'secret.yaml')}#/Pet`],
    ['symlink', './innocent.yaml#/Pet'],
  ] as const) {
    writeFileSync(join(specDir, `${name}.yaml`), specWithRef(ref));
    const out = join(scratch.path, `out-${name}`);
    const run = await runCli(['generate', join(specDir, `${name}.yaml`), '-o', out]);
    assert.equal(run.code, 2, `${name}: ${run.stderr}`);
    assert.match(run.stderr, /outside the folder specs may read/);
    assert.ok(!existsSync(out));
  }
});

test('--ref-root widens the folder for specs the user trusts', async () => {
  const out = join(scratch.path, 'out-allowed');
  const run = await runCli([
    'generate',
    join(specDir, 'parent.yaml'),
    '-o',
    out,
    '--ref-root',
    scratch.path,
    '--quiet',
  ]);
  assert.equal(run.code, 0, run.stderr);
  // The schema read through the widened root is typed: here a model of models.ts, its description its JSDoc.
  assert.ok(readFileSync(join(out, 'src/models.ts'), 'utf8').includes(SECRET));
});
