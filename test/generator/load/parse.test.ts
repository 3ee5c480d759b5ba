import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource, MAX_YAML_ALIAS_COUNT } from '../../../generator/load/parse.js';
import { InputError } from '../../../generator/types.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

describe('parseSource: YAML', () => {
  const yaml = [
    'openapi: 3.0.3',
    'paths:',
    '  /pets:',
    '    get:',
    '      operationId: listPets',
    '      tags: [a, b]',
    '',
  ].join('\n');

  test('locates map entries, sequence items and scalar values', () => {
    const source = parseSource(yaml, '/specs/a.yaml');
    assert.deepEqual(source.locate('/openapi'), { file: '/specs/a.yaml', line: 1, col: 10 });
    assert.deepEqual(source.locate('/paths/~1pets'), { file: '/specs/a.yaml', line: 3, col: 3 });
    assert.deepEqual(source.locate('/paths/~1pets/get/operationId'), { file: '/specs/a.yaml', line: 5, col: 20 });
    assert.deepEqual(source.locate('/paths/~1pets/get/operationId', 'key'), { file: '/specs/a.yaml', line: 5, col: 7 });
    assert.deepEqual(source.locate('/paths/~1pets/get/tags/1'), { file: '/specs/a.yaml', line: 6, col: 17 });
    assert.equal(source.locate('/paths/~1nope'), undefined);
  });

  test('keeps __proto__ keys as own data, never as a prototype', () => {
    const source = parseSource('a:\n  __proto__: { polluted: true }\n', '/x.yaml');
    const a = (source.value as { a: object }).a;
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
    assert.deepEqual(Object.keys(a), ['__proto__']);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });

  test('a syntax error is located and hinted', () => {
    const error = inputError(() => parseSource('a:\n  summary: List: all\n', '/x.yaml'));
    assert.deepEqual(error.details.location, { file: '/x.yaml', line: 2, col: 12 });
    assert.match(error.details.hint ?? '', /quoted/);
  });

  test('duplicate keys are refused where the second one is', () => {
    const error = inputError(() => parseSource('a: 1\nb: 2\na: 3\n', '/x.yaml'));
    assert.deepEqual(error.details.location, { file: '/x.yaml', line: 3, col: 1 });
  });

  test(`an alias bomb exceeds the ${MAX_YAML_ALIAS_COUNT} budget and fails fast`, () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(
        `${name}: &${name} [${Array(10)
          .fill('*' + previous)
          .join(', ')}]`,
      );
    }
    const started = performance.now();
    const error = inputError(() => parseSource(levels.join('\n') + '\n', '/bomb.yaml'));
    assert.ok(performance.now() - started < 2000, 'fails fast');
    assert.deepEqual(error.details.location, { file: '/bomb.yaml', line: 2, col: 8 });
  });

  test('a simple anchor reused hundreds of times, as real specs do, is fine', () => {
    const uses = Array.from({ length: 500 }, (_, index) => `k${index}: *error`).join('\n');
    const source = parseSource(
      `error: &error { type: object, properties: { message: { type: string } } }\n${uses}\n`,
      '/x.yaml',
    );
    assert.deepEqual((source.value as Record<string, unknown>).k499, {
      type: 'object',
      properties: { message: { type: 'string' } },
    });
  });

  test('merge keys (<<) are applied, not kept as a literal key', () => {
    const source = parseSource('base: &base { type: string }\nx:\n  <<: *base\n  format: uuid\n', '/x.yaml');
    assert.deepEqual((source.value as Record<string, unknown>).x, { type: 'string', format: 'uuid' });
  });
});

describe('parseSource: JSON', () => {
  const json = '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/pets": { "get": { "operationId": "x" } }\n  }\n}\n';

  test('parses with JSON.parse and locates lazily', () => {
    const source = parseSource(json, '/a.json');
    assert.equal((source.value as { openapi: string }).openapi, '3.1.0');
    assert.deepEqual(source.locate('/openapi'), { file: '/a.json', line: 2, col: 14 });
    assert.deepEqual(source.locate('/paths/~1pets/get/operationId'), { file: '/a.json', line: 4, col: 40 });
  });

  test('a syntax error gets line:col from the parser position', () => {
    const error = inputError(() => parseSource('{\n  "a": 1,\n}\n', '/a.json'));
    assert.deepEqual(error.details.location, { file: '/a.json', line: 3, col: 1 });
  });

  test('truncated JSON points at its end', () => {
    const error = inputError(() => parseSource('{\n  "a": [1,', '/a.json'));
    assert.deepEqual(error.details.location, { file: '/a.json', line: 2, col: 11 });
  });

  test('a byte-order mark is accepted', () => {
    assert.deepEqual(parseSource('\ufeff{"a": 1}', '/a.json').value, { a: 1 });
  });

  test('format is sniffed when the extension says nothing', () => {
    assert.deepEqual(parseSource('{"a": 1}', 'https://x.test/spec').value, { a: 1 });
    assert.deepEqual(parseSource('a: 1\n', '/spec.txt').value, { a: 1 });
  });
});
