import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage } from '../../../generator/emit/index.js';
import { commentText, stringLiteral } from '../../../generator/emit/escape.js';
import { configFor, loadFixture, specFromDocument, doc } from '../model/helpers.js';

async function filesFor(fixture: string, overrides = {}) {
  const spec = loadFixture(fixture);
  const config = configFor(overrides);
  return emitPackage(buildModel(spec, config), spec, config);
}

describe('emitted files', () => {
  test('the package layout of design.md, sorted paths, runtime vendored without tests', async () => {
    const files = await filesFor('fixtures/petstore.yaml');
    const paths = [...files.keys()];
    assert.deepEqual(paths, [...paths].sort());
    for (const p of [
      'package.json',
      'tsconfig.json',
      'README.md',
      'src/index.ts',
      'src/client.ts',
      'src/operations.ts',
      'src/models.ts',
      '.prettierrc.json',
      'src/resources/pets.ts',
      'src/resources/store.ts',
      'src/runtime/index.ts',
      'src/runtime/descriptor.ts',
    ]) {
      assert.ok(files.has(p), p);
    }
    assert.ok(!paths.some((p) => p.endsWith('.test.ts')));
    const pkg = JSON.parse(files.get('package.json')!) as Record<string, unknown>;
    assert.equal(pkg.name, '@acme/petstore');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.dependencies, { undici: '^7.0.0' });
    assert.deepEqual(pkg.engines, { node: '>=20.19.0' });
    assert.equal((pkg.scripts as Record<string, string>).build, 'tsc -p tsconfig.json');
    assert.equal((pkg.devDependencies as Record<string, string>).typescript, '~5.9.3');
  });

  test('byte-identical across runs, with no absolute paths or timestamps', async () => {
    const first = await filesFor('fixtures/hostile.yaml');
    const second = await filesFor('fixtures/hostile.yaml');
    assert.deepEqual([...second.entries()], [...first.entries()]);
    for (const [path, text] of first) {
      if (path.startsWith('src/runtime/')) continue;
      assert.ok(!text.includes('/work/'), `${path} mentions an absolute path`);
      assert.doesNotMatch(text, /20\d\d-\d\d-\d\dT/, `${path} has a timestamp`);
    }
  });

  test('the design.md method shape: one line of logic, JSDoc with the route', async () => {
    const pets = (await filesFor('fixtures/petstore.yaml')).get('src/resources/pets.ts')!;
    assert.match(
      pets,
      /list\(params: ListPetsParams = \{\}, options\?: RequestOptions\): PagePromise<Pet> \{\n\s+return this\.client\.paginate<Pet>\(operations\.listPets, params, options\);\n\s+\}/,
    );
    assert.match(pets, /get\(params: GetPetParams, options\?: RequestOptions\): ApiPromise<Pet>/);
    assert.match(pets, /delete\(params: DeletePetParams, options\?: RequestOptions\): ApiPromise<void>/);
    assert.match(pets, /List all pets\. GET \/pets/);
  });

  test('client: typed auth keys, environment union, resources', async () => {
    const client = (await filesFor('fixtures/petstore.yaml')).get('src/client.ts')!;
    assert.match(client, /bearerAuth\?: BearerToken;/);
    assert.match(client, /apiKeyQuery\?: ApiKey;/);
    assert.match(client, /environment\?: 'production' \| 'staging';/);
    assert.match(client, /export class PetStore extends Client<PetStoreAuth>/);
    assert.match(client, /this\.pets = new Pets\(this\);/);
    assert.match(client, /PET_STORE_BEARER_AUTH/);
  });

  test('operations.ts carries the descriptors the runtime needs', async () => {
    const ops = (await filesFor('fixtures/petstore.yaml')).get('src/operations.ts')!;
    // An explicit table type: declaration emit never serializes the literal's inferred type (TS7056 on Graph).
    assert.match(ops, /export interface OperationTable \{\n  readonly \w+: OperationDescriptor;/);
    // One export per descriptor, JSON parsed at import (tsc does not type its literals), marked pure
    // so a bundler drops those no kept function uses; the table the resources read points at them.
    assert.match(ops, /export const d_listPets: OperationDescriptor = \/\* @__PURE__ \*\/ JSON\.parse\(`\{\n/);
    assert.match(ops, /export const operations: OperationTable = \{\n( {2}\w+: d_\w+,\n)+\};/);
    assert.match(ops, /"pagination": \{ "style": "link" \}/);
    assert.match(ops, /"placement": "flat"/);
    assert.match(ops, /export const api: ApiDescriptor = /);
    assert.match(ops, /envPrefix: 'PET_STORE'/);
  });

  test('hostile strings only ever appear escaped', async () => {
    const files = await filesFor('fixtures/hostile.yaml');
    for (const [path, text] of files) {
      if (path.startsWith('src/runtime/') || path === 'README.md') continue;
      // Every "*/" left in code must be inside a string literal or escaped in a comment.
      // The bundlers' pure annotation is the one comment a code line may hold (src/operations.ts).
      for (const line of text.split('\n').map((l) => l.replace('/* @__PURE__ */ ', ''))) {
        if (line.includes('*/') && !/^\s*\*\/$/.test(line) && !/\*\/\s*$/.test(line)) {
          assert.ok(/"[^"]*\*\/[^"]*"|'[^']*\*\/[^']*'/.test(line), `${path}: ${line}`);
        }
        assert.ok(!line.includes('\u2028') || line.trimStart().startsWith('*'), `${path}: raw U+2028`);
      }
    }
    assert.equal(stringLiteral('a\u2028b\u2029"*/`${x}'), `'a\\u2028b\\u2029"*/\`\${x}'`);
    assert.equal(stringLiteral("it's"), '"it\'s"', 'double quotes when they need fewer escapes, as prettier does');
    assert.equal(commentText('ends */ here'), 'ends *\\/ here');
  });

  test('models: friendly aliases, globals not shadowed', async () => {
    const models = (await filesFor('fixtures/hostile.yaml')).get('src/models.ts')!;
    assert.match(models, /export interface FileModel \{/);
    assert.match(models, /export interface User \{/);
    assert.match(models, /export interface user \{/);
    assert.doesNotMatch(models, /export (type|interface) (File|Blob|Error|Date|Response|Headers)\b/);
  });

  test('runtime: package imports the runtime package instead of vendoring it', async () => {
    const files = await filesFor('fixtures/petstore.yaml', { runtime: 'package', runtimePackage: '@sdkgen/runtime' });
    assert.ok(![...files.keys()].some((p) => p.startsWith('src/runtime/')));
    assert.match(files.get('src/client.ts')!, /from '@sdkgen\/runtime'/);
    assert.ok(
      (JSON.parse(files.get('package.json')!) as { dependencies: Record<string, string> }).dependencies[
        '@sdkgen/runtime'
      ],
    );
  });

  test('README names every resource with an example and the env variables', async () => {
    const readme = (await filesFor('fixtures/petstore.yaml')).get('README.md')!;
    for (const needle of [
      'npm install @acme/petstore',
      'PET_STORE_BEARER_AUTH',
      'client.pets.list(',
      'client.store.getInventory(',
      'MockAgent',
      'dispatcher',
      'for await',
      'maxRetries',
      'timeout',
      'NotFoundError',
    ]) {
      assert.ok(readme.includes(needle), needle);
    }
    assert.doesNotMatch(readme, /\{\{/);
  });
});

describe('the operation table', () => {
  test('a backtick, `${` and a backslash in the spec stay data inside the template literal and JSON.parse', async () => {
    const hostilePath = '/a`b/${globalThis.__pwned = 1}/c\\d';
    const spec = specFromDocument(
      doc({ [hostilePath]: { get: { operationId: 'x`${y}', responses: { '204': { description: 'ok' } } } } }),
    );
    const files = await emitPackage(buildModel(spec, configFor()), spec, configFor());
    const text = files.get('src/operations.ts')!;
    const literal = /JSON\.parse\((`(?:[^`\\]|\\[\s\S])*`)\);/.exec(text)![1]!;
    // Evaluated as JavaScript evaluates it: no substitution runs, the value is the JSON text.
    const json = new Function(`return ${literal};`)() as string;
    assert.equal((globalThis as { __pwned?: unknown }).__pwned, undefined);
    const descriptor = JSON.parse(json) as { path: string; id: string };
    assert.deepEqual([descriptor.path, descriptor.id], [hostilePath, 'x`${y}']);
  });
});
