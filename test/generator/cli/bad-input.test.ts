import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, STACK_LINE, runCli, scratchDir } from './run-cli.js';

const scratch = scratchDir('bad-input');
after(() => scratch.cleanup());

/** Each bad-input fixture, the exact place the error must point at, and a word the message must contain. */
const CASES = [
  { fixture: 'fixtures/bad/invalid-yaml.yaml', at: 'fixtures/bad/invalid-yaml.yaml:9:16', says: 'invalid YAML' },
  { fixture: 'fixtures/bad/invalid-json.json', at: 'fixtures/bad/invalid-json.json:7:5', says: 'invalid JSON' },
  {
    fixture: 'fixtures/bad/not-openapi.yaml',
    at: 'fixtures/bad/not-openapi.yaml:2:1',
    says: 'not an OpenAPI document',
  },
  { fixture: 'fixtures/bad/openapi-4.yaml', at: 'fixtures/bad/openapi-4.yaml:1:10 (/openapi)', says: 'openapi: 4.0.0' },
  {
    fixture: 'fixtures/bad/duplicate-operation-id.yaml',
    at: 'fixtures/bad/duplicate-operation-id.yaml:14:20 (/paths/~1animals/get/operationId)',
    says: 'fixtures/bad/duplicate-operation-id.yaml:8:20',
  },
  {
    fixture: 'fixtures/bad/unresolvable-ref.yaml',
    at: 'fixtures/bad/unresolvable-ref.yaml:15:23 (/paths/~1pets/get/responses/200/content/application~1json/schema/$ref)',
    says: '#/components/schemas/Pett',
  },
  {
    fixture: 'fixtures/bad/remote-ref.yaml',
    at: 'fixtures/bad/remote-ref.yaml:15:23',
    says: 'https://schemas.example.com/pet.yaml#/Pet',
  },
  {
    fixture: 'fixtures/bad/missing-external-file.yaml',
    at: 'fixtures/bad/missing-external-file.yaml:15:23',
    says: 'does-not-exist.yaml',
  },
  { fixture: 'fixtures/bad/alias-bomb.yaml', at: 'fixtures/bad/alias-bomb.yaml:7:10', says: 'alias' },
];

function assertOneLocatedBlock(stderr: string, at: string, says: string): void {
  assert.doesNotMatch(stderr, STACK_LINE, 'no stack trace');
  const lines = stderr.trimEnd().split('\n');
  assert.match(lines[0]!, /^error: /);
  assert.ok(stderr.includes(says), `message mentions ${says}:\n${stderr}`);
  assert.ok(lines[1]!.startsWith(`  at ${at}`), `located at ${at}:\n${stderr}`);
  assert.match(lines[2]!, /^ {2}fix: \S/);
  assert.equal(lines.length, 3, `exactly one block:\n${stderr}`);
}

describe('bad input through the real CLI: exit 2, one located block, nothing written', { concurrency: 2 }, () => {
  for (const { fixture, at, says } of CASES) {
    test(fixture, async () => {
      const out = join(scratch.path, fixture.replace(/\W+/g, '_'));
      const run = await runCli(['generate', fixture, '-o', out]);
      assert.equal(run.code, 2, run.stderr);
      assertOneLocatedBlock(run.stderr, at, says);
      assert.equal(run.stdout, '');
      assert.equal(existsSync(out), false, 'no output folder');
    });
  }

  test('config with an unknown key names the key, the file and its line', async () => {
    const run = await runCli(['generate', '-c', 'fixtures/bad/unknown-config-key/sdkgen.config.yaml']);
    assert.equal(run.code, 2, run.stderr);
    assertOneLocatedBlock(run.stderr, 'fixtures/bad/unknown-config-key/sdkgen.config.yaml:6:1 (/clinet)', '"clinet"');
    assert.match(run.stderr, /did you mean "client"/);
    assert.equal(existsSync(join(REPO_ROOT, '.tmp/never-written')), false);
  });

  test('a missing spec file is named, with a hint', async () => {
    const out = join(scratch.path, 'missing');
    const run = await runCli(['generate', 'fixtures/does-not-exist.yaml', '-o', out]);
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stderr, STACK_LINE);
    assert.equal(run.stderr.split('\n')[0], 'error: file not found: fixtures/does-not-exist.yaml');
    assert.match(run.stderr, /^ {2}fix: /m);
    assert.equal(existsSync(out), false);
  });

  test("a config whose spec does not exist points at the config's spec line", async () => {
    const project = join(scratch.path, 'config-spec-missing');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'sdkgen.config.yaml'), 'package: { name: x }\nspec: ./openapi.yaml\n');
    const run = await runCli(['generate'], { cwd: project });
    assert.equal(run.code, 2, run.stderr);
    assertOneLocatedBlock(run.stderr, 'sdkgen.config.yaml:2:7', 'file not found: openapi.yaml');
    assert.equal(existsSync(join(project, 'sdk')), false);
  });

  test('--json adds a machine-readable error on stdout', async () => {
    const run = await runCli(['generate', 'fixtures/bad/openapi-4.yaml', '--json', '-o', join(scratch.path, 'json')]);
    assert.equal(run.code, 2);
    const parsed = JSON.parse(run.stdout) as {
      ok: boolean;
      error: { kind: string; location: { file: string; line: number; col: number } };
    };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.error.kind, 'input');
    assert.deepEqual(parsed.error.location, { file: 'fixtures/bad/openapi-4.yaml', line: 1, col: 10 });
  });
});
