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
    for (const p of ['package.json', 'tsconfig.json', 'README.md', 'src/index.ts', 'src/client.ts', 'src/operations.ts', 'src/types.ts', 'src/models.ts', 'src/resources/pets.ts', 'src/resources/store.ts', 'src/runtime/index.ts', 'src/runtime/descriptor.ts']) {
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
    assert.match(pets, /list\(params: ListPetsParams = \{\}, options\?: RequestOptions\): PagePromise<Pet> \{\n\s+return this\.client\.paginate<Pet>\(operations\.listPets, params, options\);\n\s+\}/);
    assert.match(pets, /get\(params: GetPetParams, options\?: RequestOptions\): ApiPromise<Pet>/);
    assert.match(pets, /delete\(params: DeletePetParams, options\?: RequestOptions\): ApiPromise<void>/);
    assert.match(pets, /List all pets\. GET \/pets/);
  });

  test('client: typed auth keys, environment union, resources', async () => {
    const client = (await filesFor('fixtures/petstore.yaml')).get('src/client.ts')!;
    assert.match(client, /bearerAuth\?: BearerToken;/);
    assert.match(client, /apiKeyQuery\?: ApiKey;/);
    assert.match(client, /environment\?: "production" \| "staging";/);
    assert.match(client, /export class PetStore extends Client<PetStoreAuth>/);
    assert.match(client, /this\.pets = new Pets\(this\);/);
    assert.match(client, /PETSTORE_BEARER_AUTH/);
  });

  test('operations.ts carries the descriptors the runtime needs', async () => {
    const ops = (await filesFor('fixtures/petstore.yaml')).get('src/operations.ts')!;
    // An explicit table type: declaration emit never serializes the literal's inferred type (TS7056 on Graph).
    assert.match(ops, /export interface OperationTable \{\n  readonly \w+: OperationDescriptor;/);
    assert.match(ops, /export const operations: OperationTable = \{/);
    assert.match(ops, /pagination: \{ style: "link" \}/);
    assert.match(ops, /placement: "flat"/);
    assert.match(ops, /export const api: ApiDescriptor = /);
    assert.match(ops, /envPrefix: "PETSTORE"/);
  });

  test('hostile strings only ever appear escaped', async () => {
    const files = await filesFor('fixtures/hostile.yaml');
    for (const [path, text] of files) {
      if (path.startsWith('src/runtime/') || path === 'README.md') continue;
      // Every "*/" left in code must be inside a string literal or escaped in a comment.
      for (const line of text.split('\n')) {
        if (line.includes('*/') && !/^\s*\*\/$/.test(line) && !/\*\/\s*$/.test(line)) {
          assert.ok(/"[^"]*\*\/[^"]*"/.test(line), `${path}: ${line}`);
        }
        assert.ok(!line.includes('\u2028') || /"[^"]*\u2028/.test(line) || line.trimStart().startsWith('*') || path === 'src/types.ts', `${path}: raw U+2028`);
      }
    }
    assert.equal(stringLiteral('a\u2028b\u2029"*/`${x}'), '"a\\u2028b\\u2029\\"*/`${x}"');
    assert.equal(commentText('ends */ here'), 'ends *\\/ here');
  });

  test('models: friendly aliases, globals not shadowed', async () => {
    const models = (await filesFor('fixtures/hostile.yaml')).get('src/models.ts')!;
    assert.match(models, /export type FileModel = components\["schemas"\]\["File"\];/);
    assert.match(models, /export type User = components\["schemas"\]\["User"\];/);
    assert.match(models, /export type user = components\["schemas"\]\["user"\];/);
    assert.doesNotMatch(models, /export type (File|Blob|Error|Date|Response|Headers) =/);
  });

  test('runtime: package imports the runtime package instead of vendoring it', async () => {
    const files = await filesFor('fixtures/petstore.yaml', { runtime: 'package', runtimePackage: '@sdkgen/runtime' });
    assert.ok(![...files.keys()].some((p) => p.startsWith('src/runtime/')));
    assert.match(files.get('src/client.ts')!, /from "@sdkgen\/runtime"/);
    assert.ok((JSON.parse(files.get('package.json')!) as { dependencies: Record<string, string> }).dependencies['@sdkgen/runtime']);
  });

  test('README names every resource with an example and the env variables', async () => {
    const readme = (await filesFor('fixtures/petstore.yaml')).get('README.md')!;
    for (const needle of ['npm install @acme/petstore', 'PETSTORE_BEARER_AUTH', 'client.pets.list(', 'client.store.getInventory(', 'MockAgent', 'dispatcher', 'for await', 'maxRetries', 'timeout', 'NotFoundError']) {
      assert.ok(readme.includes(needle), needle);
    }
    assert.doesNotMatch(readme, /\{\{/);
  });

  test('a schema $ref into another schema\'s property is followed', async () => {
    const document = doc(
      { '/owners': { post: { operationId: 'createOwner', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet/properties/owner' } } } }, responses: { '204': { description: 'ok' } } } } },
      { components: { schemas: { Pet: { type: 'object', properties: { owner: { type: 'object', properties: { name: { type: 'string' } } } } } } } },
    );
    const spec = specFromDocument(document);
    const model = buildModel(spec, configFor());
    assert.deepEqual(model.operations[0]!.body?.properties, ['name']);
    const files = await emitPackage(model, spec, configFor());
    // Hoisted into components.schemas under its pointer: openapi-typescript would index
    // `["properties"]`, which is not a type, and inlining is exponential on real documents.
    const types = files.get('src/types.ts')!;
    assert.doesNotMatch(types, /\["properties"\]/);
    assert.match(types, /"#\/components\/schemas\/Pet\/properties\/owner": \{\n\s+name\?: string;/);
    assert.match(types, /"application\/json": components\["schemas"\]\["#\/components\/schemas\/Pet\/properties\/owner"\];/);
  });

  test('a tree declared under another schema\'s definitions is typed once and recursively', async () => {
    const node = '#/components/schemas/Report/definitions/node';
    const document = doc(
      { '/report': { get: { operationId: 'getReport', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } } } } } } },
      {
        components: {
          schemas: {
            Report: {
              type: 'object',
              definitions: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: node } }, name: { type: 'string' } } } },
              properties: { root: { $ref: node }, all: { type: 'array', items: { $ref: node } } },
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, configFor()), spec, configFor())).get('src/types.ts')!;
    assert.doesNotMatch(types, /\["definitions"\]/);
    assert.equal(types.split('"#/components/schemas/Report/definitions/node": {').length, 2, 'declared once');
    assert.match(types, /children\?: components\["schemas"\]\["#\/components\/schemas\/Report\/definitions\/node"\]\[\];/);
  });

  test('a component that is only an alias of itself is typed unknown (no TS2502)', async () => {
    const document = doc(
      { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/C' } } } } } } } },
      { components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'string' }] }, T: { type: 'array', items: { $ref: '#/components/schemas/T' } }, C: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } } } } },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, configFor()), spec, configFor())).get('src/types.ts')!;
    assert.match(types, /\bA: unknown;/);
    assert.match(types, /\bB: unknown;/);
    assert.match(types, /\bT: unknown;/);
    assert.match(types, /a\?: components\["schemas"\]\["A"\];/);
  });

  test('allOf of a nullable schema plus required keys stays a valid type (WithRequired on the non-null part)', async () => {
    const document = doc(
      { '/c': { get: { operationId: 'getCause', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Cause' } } } } } } } },
      {
        components: {
          schemas: {
            PlaidError: { type: 'object', nullable: true, properties: { error_type: { type: 'string' } } },
            Cause: { allOf: [{ $ref: '#/components/schemas/PlaidError' }, { type: 'object', properties: { item_id: { type: 'string' } } }], required: ['item_id', 'error_type'] },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, configFor()), spec, configFor())).get('src/types.ts')!;
    assert.match(types, /WithRequired<components\["schemas"\]\["PlaidError"\], "error_type">/);
    assert.match(types, /type WithRequired<T, K extends keyof NonNullable<T>> = T & \{\n\s+\[P in K\]-\?: NonNullable<T>\[P\];/);
  });

  test('odd but valid schemas from real documents: an object with a string enum, examples pointing at examples, a nullable flat body', async () => {
    const document = doc(
      {
        '/groups': {
          post: {
            operationId: 'createGroup',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewGroup' }, example: { $ref: '#/components/schemas/NewGroup/example' } } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductGroup' } } } } },
          },
        },
      },
      {
        components: {
          schemas: {
            ProductGroup: { type: 'object', enum: ['PKW', 'VAN'], properties: { name: { type: 'string' } }, required: ['name'] },
            NewGroup: { type: 'object', nullable: true, properties: { name: { type: 'string' } }, example: ['not', 'a', 'schema'] },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const model = buildModel(spec, configFor());
    assert.equal(model.operations[0]!.body?.placement, 'flat');
    const files = await emitPackage(model, spec, configFor());
    const types = files.get('src/types.ts')!;
    assert.match(types, /ProductGroup: \{\n\s+name: string;\n\s+\};/);
    assert.doesNotMatch(types, /NewGroup\/example/);
    // `null` cannot be spread into the params object.
    assert.match(files.get('src/client.ts')!, /export type CreateGroupParams = NonNullable<NonNullable<paths\["\/groups"\]\["post"\]\["requestBody"\]>\["content"\]\["application\/json"\]>;/);
  });

  test('a discriminator child that declares the discriminator property itself has it once', async () => {
    const document = doc(
      { '/i': { get: { operationId: 'getIntent', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/AddMediaIntent' } } } } } } } },
      {
        components: {
          schemas: {
            Intent: { type: 'object', discriminator: { propertyName: 'class' }, properties: { class: { type: 'string' } }, required: ['class'] },
            AddMediaIntent: { allOf: [{ $ref: '#/components/schemas/Intent' }], properties: { class: { type: 'string', enum: ['AddMediaIntent'] }, media: { type: 'string' } } },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, configFor()), spec, configFor())).get('src/types.ts')!;
    const child = types.slice(types.indexOf('AddMediaIntent: {'), types.indexOf('Intent: {', types.indexOf('AddMediaIntent: {') + 20));
    assert.equal(child.match(/\bclass\??:/g)?.length, 1, child);
  });

  test('paths and operationIds holding `%` or `#` reach the types intact', async () => {
    const document = doc({ '/50%/a#b': { get: { operationId: 'get%2Fx#y', responses: { '204': { description: 'ok' } } } } });
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, configFor()), spec, configFor())).get('src/types.ts')!;
    assert.match(types, /"\/50%\/a#b": \{/);
    assert.match(types, /get: operations\["get%2Fx#y"\];/);
    assert.match(types, /"get%2Fx#y": \{/);
  });
});
