/**
 * Schema shapes from real documents that a type printer can get wrong, printed by ours and then
 * compiled under strict: refs into another schema's insides, a tree under `definitions`,
 * components that are only aliases of themselves, nullable allOf parts, an object with an enum,
 * keys that are not identifiers.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildModel } from '../../../generator/model/index.js';
import { configFor, doc, specFromDocument } from '../model/helpers.js';
import { compile, generateFiles, TMP_ROOT, writeFiles } from './harness.js';
import type { GeneratedFiles } from '../../../generator/types.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const node = '#/components/schemas/Report/definitions/node';

const DOCUMENT = doc(
  {
    '/owners': {
      post: {
        operationId: 'createOwner',
        requestBody: json({ $ref: '#/components/schemas/Pet/properties/owner' }),
        responses: { '204': { description: 'ok' } },
      },
    },
    '/report': { get: { operationId: 'getReport', responses: ok({ $ref: '#/components/schemas/Report' }) } },
    '/a': { get: { operationId: 'getA', responses: ok({ $ref: '#/components/schemas/C' }) } },
    '/cause': { get: { operationId: 'getCause', responses: ok({ $ref: '#/components/schemas/Cause' }) } },
    '/groups': {
      post: {
        operationId: 'createGroup',
        requestBody: { required: true, ...json({ $ref: '#/components/schemas/NewGroup' }) },
        responses: ok({ $ref: '#/components/schemas/ProductGroup' }),
      },
    },
    '/50%/a#b': { get: { operationId: 'get%2Fx#y', responses: { '204': { description: 'ok' } } } },
  },
  {
    components: {
      schemas: {
        Pet: { type: 'object', properties: { owner: { type: 'object', properties: { name: { type: 'string' } } } } },
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
        A: { $ref: '#/components/schemas/B' },
        B: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'string' }] },
        T: { type: 'array', items: { $ref: '#/components/schemas/T' } },
        C: {
          type: 'object',
          properties: { a: { $ref: '#/components/schemas/A' }, t: { $ref: '#/components/schemas/T' } },
        },
        PlaidError: { type: 'object', nullable: true, properties: { error_type: { type: 'string' } } },
        Cause: {
          allOf: [
            { $ref: '#/components/schemas/PlaidError' },
            { type: 'object', properties: { item_id: { type: 'string' } } },
          ],
          required: ['item_id', 'error_type'],
        },
        ProductGroup: {
          type: 'object',
          enum: ['PKW', 'VAN'],
          properties: { name: { type: 'string' } },
          required: ['name'],
        },
        NewGroup: {
          type: 'object',
          nullable: true,
          properties: { 'name-x': { type: 'string' } },
          example: ['not', 'a', 'schema'],
        },
      },
    },
  },
);

describe('schema printer on odd real-world shapes', () => {
  let files: GeneratedFiles;
  const outDir = join(TMP_ROOT, 'schema-printer');
  before(async () => {
    const spec = specFromDocument(DOCUMENT);
    files = await generateFiles(spec, configFor({ output: outDir }));
    writeFiles(outDir, files);
  });

  test("a ref into another schema's property or definitions is one named alias, declared once", () => {
    const models = files.get('src/models.ts')!;
    assert.equal(models.match(/^export interface NodeSchema \{/gm)?.length, 1, models);
    assert.match(models, /children\?: NodeSchema\[\];/);
    assert.match(models, /root\?: NodeSchema;/);
    assert.match(files.get('src/client.ts')!, /export interface CreateOwnerParams \{\n {2}name\?: string;\n\}/);
  });

  test('components that are only aliases of themselves are unknown; a self-array is a real type', () => {
    const models = files.get('src/models.ts')!;
    assert.match(models, /export type A = unknown;/);
    assert.match(models, /export type B = unknown;/);
    assert.match(models, /export type T = T\[\];/);
  });

  test('an object with an enum is typed by its properties; keys that are not identifiers are quoted', () => {
    const models = files.get('src/models.ts')!;
    assert.match(models, /export interface ProductGroup \{\n {2}name: string;\n\}/);
    assert.match(models, /'name-x'\?: string;/);
  });

  test('the package compiles under strict', () => {
    const result = compile(outDir);
    assert.equal(result.output.trim(), '');
    assert.equal(result.status, 0);
  });

  test('the same document prints byte-identical output', async () => {
    const again = await generateFiles(specFromDocument(DOCUMENT), configFor({ output: outDir }));
    assert.deepEqual([...again.entries()], [...files.entries()]);
    assert.ok(buildModel(specFromDocument(DOCUMENT), configFor()).operations.some((op) => op.path === '/50%/a#b'));
  });
});
