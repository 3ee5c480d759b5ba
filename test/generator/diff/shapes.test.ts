/**
 * Shapes as TypeScript sees them, and the direction rule: a request may widen, a response may
 * narrow. Schemas are written inline so each case reads as the spec change it models.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ShapeComparer } from '../../../generator/diff/compare-shapes.js';
import { ShapeReader, type Shape } from '../../../generator/diff/shape.js';
import { RefResolver } from '../../../generator/model/refs.js';
import type { LoadedSpec } from '../../../generator/types.js';

function readerFor(schemas: Record<string, unknown> = {}): ShapeReader {
  const spec = {
    document: { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas } },
    sourcePath: '/t',
    originalVersion: '3.1',
    locate: () => undefined,
  } as unknown as LoadedSpec;
  return new ShapeReader(new RefResolver(spec));
}

function changes(before: unknown, after: unknown, direction: 'request' | 'response'): string[] {
  const reader = readerFor();
  const comparer = new ShapeComparer({}, {});
  comparer.compare(reader.read(before), reader.read(after), direction, 'op', 'value', 'op');
  return comparer.changes().map((c) => `${c.severity} ${c.kind}`);
}

describe('shapes', () => {
  test('integer and number are one TypeScript type; format is invisible', () => {
    assert.deepEqual(
      changes({ type: 'integer', format: 'int32' }, { type: 'number', format: 'double' }, 'response'),
      [],
    );
  });

  test('3.0 nullable and 3.1 type arrays read the same', () => {
    const reader = readerFor();
    assert.deepEqual(reader.read({ type: 'string', nullable: true }), reader.read({ type: ['string', 'null'] }));
    assert.deepEqual(reader.read({ oneOf: [{ type: 'string' }, { type: 'null' }] }), {
      kind: 'primitive',
      types: ['string'],
      nullable: true,
    } satisfies Shape);
  });

  test('allOf objects merge with their required lists, through refs', () => {
    const reader = readerFor({ Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } });
    const shape = reader.read({
      allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { name: { type: 'string' } } }],
    });
    assert.deepEqual(shape, {
      kind: 'object',
      properties: {
        id: { shape: { kind: 'primitive', types: ['string'] }, required: true },
        name: { shape: { kind: 'primitive', types: ['string'] } },
      },
    });
  });

  test('widening is minor in a request and major in a response; narrowing the other way round', () => {
    const narrow = { type: 'string' };
    const wide = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    assert.deepEqual(changes(narrow, wide, 'request'), ['minor type-widened']);
    assert.deepEqual(changes(narrow, wide, 'response'), ['major type-widened']);
    assert.deepEqual(changes(wide, narrow, 'request'), ['major type-narrowed']);
    assert.deepEqual(changes(wide, narrow, 'response'), ['minor type-narrowed']);
  });

  test('readOnly fields are not part of a request, writeOnly not of a response', () => {
    const before = {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } },
    };
    const after = { type: 'object', properties: {} };
    assert.deepEqual(changes(before, after, 'request'), ['major field-removed'], 'only secret was sendable');
    assert.deepEqual(changes(before, after, 'response'), ['major field-removed'], 'only id was readable');
  });

  test('a recursive schema terminates and its change is found once', () => {
    const node = (extra: Record<string, unknown>) => ({
      type: 'object',
      properties: { child: { $ref: '#/components/schemas/Node' }, ...extra },
    });
    const reader = readerFor();
    const comparer = new ShapeComparer(
      { Node: reader.read(node({ a: { type: 'string' } })) },
      { Node: reader.read(node({})) },
    );
    comparer.compare(
      { kind: 'ref', name: 'Node' },
      { kind: 'ref', name: 'Node' },
      'response',
      'op',
      'response',
      'tree.get',
    );
    assert.deepEqual(
      comparer.changes().map((c) => `${c.subject} ${c.path} ${c.kind}`),
      ['schema Node a field-removed'],
    );
  });
});
