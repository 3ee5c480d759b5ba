/**
 * Overlays and filters, through the real CLI: an Overlay 1.0 document renames, documents and
 * prunes a spec we do not own; include/exclude narrow it; every mistake is one located error.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runCli, scratchDir, STACK_LINE } from '../cli/run-cli.js';

const scratch = scratchDir('publish-overlays');
after(() => scratch.cleanup());
const BAD = 'fixtures/publish/bad';

/** Each bad config, where the error must point, and what the message must say. */
const CASES = [
  {
    config: 'overlay-bad-jsonpath',
    at: `${BAD}/overlay-bad-jsonpath.overlay.yaml:6:13 (/actions/1/target)`,
    says: 'invalid JSONPath target',
  },
  {
    config: 'overlay-selects-nothing',
    at: `${BAD}/overlay-selects-nothing.overlay.yaml:4:13 (/actions/0/target)`,
    says: "target $.paths['/animals'].get selects nothing",
  },
  {
    config: 'overlay-both',
    at: `${BAD}/overlay-both.overlay.yaml:4:5 (/actions/0)`,
    says: 'exactly one of update and remove',
  },
  {
    config: 'filter-unknown-tag',
    at: `${BAD}/filter-unknown-tag.config.yaml:3:16 (/include/tags/1)`,
    says: 'tag "stores"',
  },
  {
    config: 'filter-nothing-left',
    at: `${BAD}/filter-nothing-left.config.yaml:2:1 (/include)`,
    says: "leave none of the spec's 5 operations",
  },
];

describe('overlays and filters', () => {
  test('an overlay renames and documents, a remove action and exclude prune', async () => {
    const out = join(scratch.path, 'named');
    const run = await runCli(['generate', '-c', 'fixtures/publish/overlays/sdkgen.config.yaml', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 operations, 1 resource/);
    const pets = readFileSync(join(out, 'src/resources/pets.ts'), 'utf8');
    assert.match(pets, /^ {2}all\(params: ListPetsParams = \{\}/m, 'x-sdk-name from the overlay');
    assert.match(pets, /^ {2}remove\(params: DeletePetParams/m);
    assert.match(pets, /Every pet in the store, newest first\. GET \/pets/, 'summary from the overlay');
    assert.doesNotMatch(pets, /createPet|CreatePetParams/, 'exclude.operations left createPet out');
    assert.match(
      readFileSync(join(out, 'src/client.ts'), 'utf8'),
      /Adopt, list and retire pets\./,
      'tag description from a filter-selected target',
    );
    assert.ok(!existsSync(join(out, 'src/resources/store.ts')), 'the removed path took its resource with it');
  });

  test('the original spec is untouched on disk, and diff -c compares what ships', async () => {
    const before = readFileSync(join(REPO_ROOT, 'fixtures/petstore.yaml'), 'utf8');
    const diff = await runCli([
      'diff',
      'fixtures/petstore.yaml',
      'fixtures/petstore.yaml',
      '-c',
      'fixtures/publish/overlays/sdkgen.config.yaml',
    ]);
    assert.equal(diff.code, 0, diff.stderr);
    assert.match(diff.stdout, /no change to the SDK surface/);
    assert.equal(readFileSync(join(REPO_ROOT, 'fixtures/petstore.yaml'), 'utf8'), before);
  });

  for (const { config, at, says } of CASES) {
    test(`${config}: one located error, exit 2, nothing written`, async () => {
      const out = join(scratch.path, config);
      const run = await runCli(['generate', '-c', `${BAD}/${config}.config.yaml`, '-o', out]);
      assert.equal(run.code, 2, run.stderr);
      assert.doesNotMatch(run.stderr, STACK_LINE);
      const lines = run.stderr.trimEnd().split('\n');
      assert.ok(lines[0]!.startsWith('error: ') && lines[0]!.includes(says), run.stderr);
      assert.equal(lines[1], `  at ${at}`);
      assert.match(lines[2]!, /^ {2}fix: /);
      assert.ok(!existsSync(out));
    });
  }
});
