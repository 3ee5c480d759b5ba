/**
 * OpenAPI Schema Object -> JSON Schema 2020-12 (generator/emit/json-schema.ts) and the response
 * schema bundle (schemas-file.ts): each conversion rule, checked by what ajv then accepts and
 * rejects, not only by the converted shape.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { toJsonSchema, type ConvertOptions } from '../../../generator/emit/json-schema.js';
import { buildSchemaBundle, emitSchemasFile } from '../../../generator/emit/schemas-file.js';
import { buildModel } from '../../../generator/model/index.js';
import { createResponseChecker } from '../../../validation/ajv-checker.js';
import { configFor, specFromDocument } from '../model/helpers.js';

const v30: ConvertOptions = { openapi30: true, ref: (r) => r, lookup: () => undefined };
const v31: ConvertOptions = { ...v30, openapi30: false };

function accepts(schema: unknown, value: unknown): boolean {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  return ajv.validate(schema as object, value);
}

describe('toJsonSchema', () => {
  test('nullable on a plain type adds null to type, and to enum', () => {
    const s = toJsonSchema({ type: 'string', enum: ['a', 'b'], nullable: true }, v30);
    assert.deepEqual(s, { type: ['string', 'null'], enum: ['a', 'b', null] });
    assert.ok(accepts(s, null) && accepts(s, 'a') && !accepts(s, 'c'));
  });

  test('nullable next to allOf or a $ref becomes anyOf [schema, null]', () => {
    const s = toJsonSchema({ nullable: true, allOf: [{ type: 'object', required: ['a'] }] }, v30);
    assert.ok(accepts(s, null) && accepts(s, { a: 1 }) && !accepts(s, {}));
    const r = toJsonSchema({ $ref: '#/x', nullable: true, description: 'ignored in 3.0' }, v30);
    assert.deepEqual(r, { anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
  });

  test("Swagger's x-nullable counts as nullable", () => {
    assert.deepEqual(toJsonSchema({ type: 'integer', 'x-nullable': true }, v30), { type: ['integer', 'null'] });
  });

  test('3.0 boolean exclusive bounds become numbers; false ones disappear', () => {
    const s = toJsonSchema(
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false },
      v30,
    );
    assert.deepEqual(s, { type: 'number', exclusiveMinimum: 0, maximum: 1 });
    assert.ok(!accepts(s, 0) && accepts(s, 1) && accepts(s, 0.5));
  });

  test('oneOf accepts a value matching several members (anyOf); with anyOf beside it both constraints hold', () => {
    const s = toJsonSchema(
      { oneOf: [{ type: 'object' }, { type: 'object', properties: { a: { type: 'string' } } }] },
      v30,
    );
    assert.ok(accepts(s, { a: 'x' }));
    const both = toJsonSchema(
      { oneOf: [{ type: 'string' }, { type: 'number' }], anyOf: [{ type: 'number' }, { type: 'boolean' }] },
      v30,
    );
    assert.ok(accepts(both, 1) && !accepts(both, 'x') && !accepts(both, true));
  });

  test('writeOnly properties leave required (also through a $ref); readOnly ones stay', () => {
    const secret = { type: 'string', writeOnly: true };
    const options: ConvertOptions = {
      ...v30,
      ref: () => '#/$defs/Secret',
      lookup: (ref) => (ref === '#/components/schemas/Secret' ? secret : undefined),
    };
    const s = toJsonSchema(
      {
        type: 'object',
        required: ['id', 'password', 'token'],
        properties: {
          id: { type: 'string', readOnly: true },
          password: secret,
          token: { $ref: '#/components/schemas/Secret' },
        },
      },
      options,
    ) as { required: string[] };
    assert.deepEqual(s.required, ['id']);
    const withDefs = { ...s, $defs: { Secret: { type: 'string' } } };
    assert.ok(accepts(withDefs, { id: 'a' }) && !accepts(withDefs, {}));
  });

  test('3.0 ignores $ref siblings; 3.1 keeps them', () => {
    assert.deepEqual(toJsonSchema({ $ref: '#/a', type: 'string', maxLength: 2 }, v30), { $ref: '#/a' });
    assert.deepEqual(toJsonSchema({ $ref: '#/a', maxLength: 2 }, v31), { $ref: '#/a', maxLength: 2 });
  });

  test('annotations go; data keywords are copied, not walked (a $ref inside an example stays data)', () => {
    const s = toJsonSchema(
      {
        type: 'object',
        description: 'd',
        title: 't',
        example: { $ref: '#/no' },
        'x-internal': true,
        default: { nullable: true },
        enum: [{ $ref: 'data' }],
        properties: { description: { type: 'string' } },
      },
      { ...v30, ref: () => '#/REWRITTEN' },
    );
    assert.deepEqual(s, {
      type: 'object',
      default: { nullable: true },
      enum: [{ $ref: 'data' }],
      properties: { description: { type: 'string' } },
    });
  });

  test('refs are rewritten everywhere a schema can be: items, properties, additionalProperties, allOf, not, prefixItems', () => {
    const seen: string[] = [];
    const options: ConvertOptions = { ...v31, ref: (r) => (seen.push(r), `#/$defs/${r.slice(2)}`) };
    toJsonSchema(
      {
        items: { $ref: '#/a' },
        properties: { p: { $ref: '#/b' } },
        additionalProperties: { $ref: '#/c' },
        allOf: [{ $ref: '#/d' }],
        not: { $ref: '#/e' },
        prefixItems: [{ $ref: '#/f' }],
      },
      options,
    );
    assert.deepEqual(seen.sort(), ['#/a', '#/b', '#/c', '#/d', '#/e', '#/f']);
  });

  test("a property named __proto__ stays a property; Swagger's file type is dropped; $id and $schema go", () => {
    const s = toJsonSchema(
      JSON.parse(
        '{"type":"object","$id":"x","$schema":"y","properties":{"__proto__":{"type":"string"},"f":{"type":"file"}}}',
      ),
      v31,
    ) as Record<string, unknown>;
    assert.deepEqual(Object.keys(s.properties as object), ['__proto__', 'f']);
    assert.deepEqual((s.properties as Record<string, unknown>).f, {});
    assert.ok(!('$id' in s) && !('$schema' in s));
  });

  test('type keeps only JSON types: a mistaken `int` or `date` would stop ajv compiling the whole schema', () => {
    assert.deepEqual(toJsonSchema({ type: 'int', minimum: 1 }, v30), { minimum: 1 });
    assert.deepEqual(toJsonSchema({ type: ['string', 'date'] }, v31), { type: ['string'] });
  });

  test('a schema nested deeper than the limit is accepted unchecked instead of exhausting the stack', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 10_000; i++) deep = { items: deep };
    assert.doesNotThrow(() => toJsonSchema(deep, v30));
  });
});

describe('response schema bundle', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {
      '/pets/{petId}': {
        get: {
          operationId: 'getPet',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
            },
            '404': { description: 'no', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/text': {
        get: {
          operationId: 'getText',
          responses: { '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Pet: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            friend: { $ref: '#/components/schemas/Pet' },
            tag: { $ref: '#/components/schemas/Tag%20Name' },
          },
        },
        'Tag Name': { type: 'string', description: '*/ "); globalThis.__pwned = 1; ("' },
        Unused: { type: 'object' },
      },
    },
  };

  test('holds the 2xx JSON schemas and what they reach, nothing else; the checker follows recursive and encoded refs', () => {
    const spec = specFromDocument(document, '/spec.yaml');
    const bundle = buildSchemaBundle(buildModel(spec, configFor()), spec);
    assert.deepEqual(Object.keys(bundle.index), ['getPet']);
    assert.deepEqual(Object.keys(bundle.index.getPet!), ['200']);
    assert.deepEqual(Object.keys(bundle.document.$defs).sort(), [
      '',
      '/components/schemas/Pet',
      '/components/schemas/Tag Name',
      '/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema',
    ]);
    const check = createResponseChecker(bundle);
    assert.deepEqual(check('getPet', 200, { id: 'a', friend: { id: 'b', tag: 'x' } }), []);
    assert.deepEqual(
      check('getPet', 200, { id: 'a', friend: { id: 2 } })!.map((i) => i.path),
      ['/friend/id'],
    );
    assert.equal(check('getPet', 404, {}), undefined, 'error responses are not checked');
    assert.equal(check('getText', 200, 'x'), undefined);
  });

  test('the emitted file is one escaped JSON string, byte-identical across runs', () => {
    const spec = specFromDocument(document, '/spec.yaml');
    const model = buildModel(spec, configFor());
    const first = emitSchemasFile(model, spec);
    assert.equal(emitSchemasFile(buildModel(spec, configFor()), spec), first);
    assert.equal(first.split('\n').length, 6);
    assert.match(first, /^export const responseSchemaBundle: ResponseSchemaBundle = JSON\.parse\('.*'\);$/m);
    assert.ok(!first.includes('__pwned'), 'descriptions are dropped, so spec prose never reaches the file');
  });

  test('patterns written for non-unicode engines (`\\-`, `\\=` outside a class) compile and check', () => {
    const withPattern = structuredClone(document) as typeof document;
    (withPattern.components.schemas.Pet.properties as Record<string, unknown>).id = {
      type: 'string',
      pattern: '^[a-z]+\\-[0-9]+\\=?$',
    };
    const spec = specFromDocument(withPattern, '/spec.yaml');
    const check = createResponseChecker(buildSchemaBundle(buildModel(spec, configFor()), spec));
    assert.deepEqual(check('getPet', 200, { id: 'ab-12=' }), []);
    assert.deepEqual(
      check('getPet', 200, { id: 'ab_12' })!.map((i) => `${i.path} ${i.keyword}`),
      ['/id pattern'],
    );
  });

  test('a ref that leads nowhere is accepted unchecked rather than failing to compile', () => {
    const broken = structuredClone(document) as typeof document;
    (broken.components.schemas.Pet.properties as Record<string, unknown>).tag = {
      $ref: '#/components/schemas/Missing',
    };
    const spec = specFromDocument(broken, '/spec.yaml');
    const model = buildModel(spec, configFor());
    const check = createResponseChecker(buildSchemaBundle(model, spec));
    assert.deepEqual(check('getPet', 200, { id: 'a', tag: 42 }), []);
  });
});
