/**
 * Examples come from the spec: each kind of example source is used, placeholders appear only where
 * the spec has none, and hostile example text stays inert in JSDoc and Markdown.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../../generator/load/index.js';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage } from '../../../generator/emit/index.js';
import { ExampleFinder } from '../../../generator/emit/examples.js';
import { loadConfig, resolveConfig } from '../../../generator/config.js';
import { REPO_ROOT } from '../cli/run-cli.js';

const FIXTURE = join(REPO_ROOT, 'fixtures/publish/examples.yaml');

async function load() {
  const spec = await loadSpec(FIXTURE, { allowRemoteRefs: false });
  const config = resolveConfig(
    await loadConfig(undefined, { spec: FIXTURE, output: join(REPO_ROOT, '.tmp/examples-out') }),
    spec,
  );
  return { spec, config, model: buildModel(spec, config) };
}

describe('examples from the spec', () => {
  test('parameter example, examples map, schema default and examples, media-type examples via $ref', async () => {
    const { spec, model } = await load();
    const finder = new ExampleFinder(spec);
    const byId = (id: string) => finder.callExample(model.operations.find((op) => op.id === id)!);
    const create = byId('createLabel');
    assert.equal(
      create.args,
      `{ owner: 'octocat', repo: 'hello-world', 'X-Trace': 'trace-1', dryRun: false, name: 'bug', color: 'f29513', description: "Something isn't working" }`,
    );
    assert.deepEqual(
      [create.fromSpec, create.placeholders],
      [4, 1],
      'dryRun (a boolean with no example) is the only placeholder',
    );
    assert.deepEqual(byId('getLabel'), { args: '{ id: 42 }', fromSpec: 1, placeholders: 0 });
  });

  test('README and JSDoc use them; hostile example text stays inert', async () => {
    const { spec, config, model } = await load();
    const files = await emitPackage(model, spec, config);
    const readme = files.get('README.md')!;
    assert.match(readme, /await client\.labels\.get\(\{ id: 42 \}\); \/\/ GET \/labels\/\{id\}/);
    const labels = files.get('src/resources/labels.ts')!;
    assert.match(labels, /\* @example\n {3}\* await client\.labels\.create\(\{ owner: 'octocat', repo: 'hello-world',/);
    // The search query example holds a backtick and `*/`: escaped in the code, never closing the comment or a fence.
    assert.match(labels, /query: 'is:open \\u0060bug\\u0060 \*\\\/', limit: 0/);
    assert.doesNotMatch(readme, /query: .is:open `/);
  });
});
