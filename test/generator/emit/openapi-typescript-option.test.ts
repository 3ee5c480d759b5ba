/**
 * The opt-in openapi-typescript file (`types: { openapiTypescript: true }`): src/types.ts with
 * `paths`/`components` for openapi-fetch users, and the workarounds that keep it compiling.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage } from '../../../generator/emit/index.js';
import { configFor, loadFixture, specFromDocument, doc } from '../model/helpers.js';

const withOption = () => configFor({ openapiTypescript: true });

describe('types.openapiTypescript', () => {
  test('off by default: no src/types.ts and no paths/components export', async () => {
    const spec = loadFixture('fixtures/petstore.yaml');
    const files = await emitPackage(buildModel(spec, configFor()), spec, configFor());
    assert.ok(!files.has('src/types.ts'));
    assert.doesNotMatch(files.get('src/index.ts')!, /paths/);
  });

  test('on: src/types.ts, exported from the package root', async () => {
    const spec = loadFixture('fixtures/petstore.yaml');
    const files = await emitPackage(buildModel(spec, withOption()), spec, withOption());
    assert.match(files.get('src/types.ts')!, /export interface paths \{/);
    assert.match(files.get('src/index.ts')!, /export type \{ paths, components \} from '\.\/types\.js';/);
  });

  test("a schema $ref into another schema's property is followed", async () => {
    const document = doc(
      {
        '/owners': {
          post: {
            operationId: 'createOwner',
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet/properties/owner' } } },
            },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      {
        components: {
          schemas: {
            Pet: {
              type: 'object',
              properties: { owner: { type: 'object', properties: { name: { type: 'string' } } } },
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const model = buildModel(spec, withOption());
    assert.deepEqual(model.operations[0]!.body?.properties, ['name']);
    const files = await emitPackage(model, spec, withOption());
    // Hoisted into components.schemas under its pointer: openapi-typescript would index
    // `["properties"]`, which is not a type, and inlining is exponential on real documents.
    const types = files.get('src/types.ts')!;
    assert.doesNotMatch(types, /\["properties"\]/);
    assert.match(types, /"#\/components\/schemas\/Pet\/properties\/owner": \{\n\s+name\?: string;/);
    assert.match(
      types,
      /"application\/json": components\["schemas"\]\["#\/components\/schemas\/Pet\/properties\/owner"\];/,
    );
  });

  test("a tree declared under another schema's definitions is typed once and recursively", async () => {
    const node = '#/components/schemas/Report/definitions/node';
    const document = doc(
      {
        '/report': {
          get: {
            operationId: 'getReport',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            Report: {
              type: 'object',
              definitions: {
                node: {
                  type: 'object',
                  properties: { children: { type: 'array', items: { $ref: node } }, name: { type: 'string' } },
                },
              },
              properties: { root: { $ref: node }, all: { type: 'array', items: { $ref: node } } },
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, withOption()), spec, withOption())).get('src/types.ts')!;
    assert.doesNotMatch(types, /\["definitions"\]/);
    assert.equal(types.split('"#/components/schemas/Report/definitions/node": {').length, 2, 'declared once');
    assert.match(
      types,
      /children\?: components\["schemas"\]\["#\/components\/schemas\/Report\/definitions\/node"\]\[\];/,
    );
  });

  test('a component that is only an alias of itself is typed unknown (no TS2502)', async () => {
    const document = doc(
      {
        '/a': {
          get: {
            operationId: 'getA',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/C' } } },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            A: { $ref: '#/components/schemas/B' },
            B: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'string' }] },
            T: { type: 'array', items: { $ref: '#/components/schemas/T' } },
            C: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, withOption()), spec, withOption())).get('src/types.ts')!;
    assert.match(types, /\bA: unknown;/);
    assert.match(types, /\bB: unknown;/);
    assert.match(types, /\bT: unknown;/);
    assert.match(types, /a\?: components\["schemas"\]\["A"\];/);
  });

  test('allOf of a nullable schema plus required keys stays a valid type (WithRequired on the non-null part)', async () => {
    const document = doc(
      {
        '/c': {
          get: {
            operationId: 'getCause',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Cause' } } },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            PlaidError: { type: 'object', nullable: true, properties: { error_type: { type: 'string' } } },
            Cause: {
              allOf: [
                { $ref: '#/components/schemas/PlaidError' },
                { type: 'object', properties: { item_id: { type: 'string' } } },
              ],
              required: ['item_id', 'error_type'],
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, withOption()), spec, withOption())).get('src/types.ts')!;
    assert.match(types, /WithRequired<components\["schemas"\]\["PlaidError"\], "error_type">/);
    assert.match(
      types,
      /type WithRequired<T, K extends keyof NonNullable<T>> = T & \{\n\s+\[P in K\]-\?: NonNullable<T>\[P\];/,
    );
  });

  test('odd but valid schemas from real documents: an object with a string enum, examples pointing at examples, a nullable flat body', async () => {
    const document = doc(
      {
        '/groups': {
          post: {
            operationId: 'createGroup',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/NewGroup' },
                  example: { $ref: '#/components/schemas/NewGroup/example' },
                },
              },
            },
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductGroup' } } },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            ProductGroup: {
              type: 'object',
              enum: ['PKW', 'VAN'],
              properties: { name: { type: 'string' } },
              required: ['name'],
            },
            NewGroup: {
              type: 'object',
              nullable: true,
              properties: { name: { type: 'string' } },
              example: ['not', 'a', 'schema'],
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const model = buildModel(spec, withOption());
    assert.equal(model.operations[0]!.body?.placement, 'flat');
    const files = await emitPackage(model, spec, withOption());
    const types = files.get('src/types.ts')!;
    assert.match(types, /ProductGroup: \{\n\s+name: string;\n\s+\};/);
    assert.doesNotMatch(types, /NewGroup\/example/);
  });

  test('a discriminator child that declares the discriminator property itself has it once', async () => {
    const document = doc(
      {
        '/i': {
          get: {
            operationId: 'getIntent',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/AddMediaIntent' } } },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            Intent: {
              type: 'object',
              discriminator: { propertyName: 'class' },
              properties: { class: { type: 'string' } },
              required: ['class'],
            },
            AddMediaIntent: {
              allOf: [{ $ref: '#/components/schemas/Intent' }],
              properties: { class: { type: 'string', enum: ['AddMediaIntent'] }, media: { type: 'string' } },
            },
          },
        },
      },
    );
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, withOption()), spec, withOption())).get('src/types.ts')!;
    const child = types.slice(
      types.indexOf('AddMediaIntent: {'),
      types.indexOf('Intent: {', types.indexOf('AddMediaIntent: {') + 20),
    );
    assert.equal(child.match(/\bclass\??:/g)?.length, 1, child);
  });

  test('paths and operationIds holding `%` or `#` reach the types intact', async () => {
    const document = doc({
      '/50%/a#b': { get: { operationId: 'get%2Fx#y', responses: { '204': { description: 'ok' } } } },
    });
    const spec = specFromDocument(document);
    const types = (await emitPackage(buildModel(spec, withOption()), spec, withOption())).get('src/types.ts')!;
    assert.match(types, /"\/50%\/a#b": \{/);
    assert.match(types, /get: operations\["get%2Fx#y"\];/);
    assert.match(types, /"get%2Fx#y": \{/);
  });
});
