/**
 * Every row of the OpenAPI style-examples table (https://spec.openapis.org/oas/v3.1.0#style-examples)
 * through buildRequest, for each location the style applies to. Values from the table:
 * empty = "", string = "blue", array = ["blue","black","brown"], object = {R:100, G:200, B:150}.
 * spaceDelimited/pipeDelimited rows carry the `color=` name as in OAS 3.1.1's corrected table
 * (3.1.0 printed them without it, an erratum). Path rows use the template `/items/c{color}` so
 * label's empty value (`.`) is not a whole `.` segment, which buildRequest refuses on purpose.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParameterStyle } from '../../../runtime/descriptor.js';
import { buildRequest } from '../../../runtime/request/index.js';
import { op, param } from '../support/descriptors.js';

const VALUES = {
  empty: '',
  string: 'blue',
  array: ['blue', 'black', 'brown'],
  object: { R: 100, G: 200, B: 150 },
} as const;
type Column = keyof typeof VALUES;

/** [style, explode, {column: expected}] — a missing column is "n/a" in the spec. */
const TABLE: ReadonlyArray<[ParameterStyle, boolean, Partial<Record<Column, string>>]> = [
  [
    'matrix',
    false,
    { empty: ';color', string: ';color=blue', array: ';color=blue,black,brown', object: ';color=R,100,G,200,B,150' },
  ],
  [
    'matrix',
    true,
    {
      empty: ';color',
      string: ';color=blue',
      array: ';color=blue;color=black;color=brown',
      object: ';R=100;G=200;B=150',
    },
  ],
  ['label', false, { empty: '.', string: '.blue', array: '.blue,black,brown', object: '.R,100,G,200,B,150' }],
  ['label', true, { empty: '.', string: '.blue', array: '.blue.black.brown', object: '.R=100.G=200.B=150' }],
  [
    'form',
    false,
    { empty: 'color=', string: 'color=blue', array: 'color=blue,black,brown', object: 'color=R,100,G,200,B,150' },
  ],
  [
    'form',
    true,
    { empty: 'color=', string: 'color=blue', array: 'color=blue&color=black&color=brown', object: 'R=100&G=200&B=150' },
  ],
  ['simple', false, { string: 'blue', array: 'blue,black,brown', object: 'R,100,G,200,B,150' }],
  ['simple', true, { string: 'blue', array: 'blue,black,brown', object: 'R=100,G=200,B=150' }],
  ['spaceDelimited', false, { array: 'color=blue%20black%20brown', object: 'color=R%20100%20G%20200%20B%20150' }],
  ['pipeDelimited', false, { array: 'color=blue|black|brown', object: 'color=R|100|G|200|B|150' }],
  ['deepObject', true, { object: 'color[R]=100&color[G]=200&color[B]=150' }],
];

const PATH_STYLES = new Set<ParameterStyle>(['matrix', 'label', 'simple']);
const QUERY_STYLES = new Set<ParameterStyle>(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

describe('style-examples table', () => {
  for (const [style, explode, row] of TABLE) {
    for (const column of Object.keys(row) as Column[]) {
      const expected = row[column] as string;
      const value = VALUES[column];
      const label = `${style} explode=${explode} ${column} -> ${expected}`;
      if (PATH_STYLES.has(style)) {
        test(`path ${label}`, () => {
          const shaped = buildRequest(op('/items/c{color}', [param('color', 'path', style, explode)]), {
            color: value,
          });
          assert.equal(shaped.path, `/items/c${expected}`);
        });
      }
      if (QUERY_STYLES.has(style)) {
        test(`query ${label}`, () => {
          const shaped = buildRequest(op('/items', [param('color', 'query', style, explode)]), { color: value });
          assert.equal(shaped.query, expected);
        });
      }
      if (style === 'simple' && column !== 'empty') {
        test(`header ${label}`, () => {
          const shaped = buildRequest(op('/items', [param('X-Color', 'header', style, explode)]), { 'X-Color': value });
          assert.deepEqual(shaped.headers, { 'X-Color': expected });
        });
      }
    }
  }
});

describe('cookie parameters (style form)', () => {
  const cookieOp = (explode: boolean) => op('/items', [param('color', 'cookie', 'form', explode)]);
  test('string', () => {
    assert.deepEqual(buildRequest(cookieOp(true), { color: 'blue' }).cookies, [['color', 'blue']]);
  });
  test('array, explode=false joins with commas', () => {
    assert.deepEqual(buildRequest(cookieOp(false), { color: VALUES.array }).cookies, [['color', 'blue,black,brown']]);
  });
  test('array, explode=true repeats the cookie', () => {
    assert.deepEqual(buildRequest(cookieOp(true), { color: VALUES.array }).cookies, [
      ['color', 'blue'],
      ['color', 'black'],
      ['color', 'brown'],
    ]);
  });
  test('object, explode=false and true', () => {
    assert.deepEqual(buildRequest(cookieOp(false), { color: VALUES.object }).cookies, [['color', 'R,100,G,200,B,150']]);
    assert.deepEqual(buildRequest(cookieOp(true), { color: VALUES.object }).cookies, [
      ['R', '100'],
      ['G', '200'],
      ['B', '150'],
    ]);
  });
  test('values with ; , space and quotes are encoded so they cannot split the Cookie header', () => {
    assert.deepEqual(buildRequest(cookieOp(true), { color: 'a; b="c",d' }).cookies, [
      ['color', 'a%3B%20b%3D%22c%22%2Cd'],
    ]);
  });
});

describe('omission and required parameters', () => {
  const queryOp = op('/items', [
    param('color', 'query', 'form', true),
    param('size', 'query', 'form', true, { required: true }),
  ]);
  test('undefined and null optional params are left out', () => {
    assert.equal(buildRequest(queryOp, { size: 1 }).query, 'size=1');
    assert.equal(buildRequest(queryOp, { size: 1, color: null }).query, 'size=1');
    assert.equal(buildRequest(queryOp, { size: 1, color: undefined }).query, 'size=1');
  });
  test('empty arrays and objects are undefined per RFC 6570 and left out', () => {
    assert.equal(buildRequest(queryOp, { size: 1, color: [] }).query, 'size=1');
    assert.equal(buildRequest(queryOp, { size: 1, color: {} }).query, 'size=1');
  });
  test('a missing required query param names the param', () => {
    assert.throws(() => buildRequest(queryOp, {}), {
      name: 'InvalidArgumentError',
      message: /missing required query parameter "size"/,
    });
  });
  test('a missing path param names the param', () => {
    assert.throws(() => buildRequest(op('/pets/{petId}', [param('petId', 'path', 'simple', false)]), undefined), {
      message: /missing required path parameter "petId"/,
    });
  });
  test('a missing required header names the param', () => {
    const headerOp = op('/x', [param('X-Req', 'header', 'simple', false, { required: true })]);
    assert.throws(() => buildRequest(headerOp, {}), { message: /missing required header parameter "X-Req"/ });
  });
  test('several params keep declaration order', () => {
    const multi = op('/items', [param('b', 'query', 'form', true), param('a', 'query', 'form', true)]);
    assert.equal(buildRequest(multi, { a: 1, b: [true, false] }).query, 'b=true&b=false&a=1');
  });
  test('Dates become ISO 8601 and nested objects JSON', () => {
    const q = op('/items', [param('since', 'query', 'form', true), param('tags', 'query', 'form', false)]);
    const shaped = buildRequest(q, { since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), tags: [{ a: 1 }] });
    assert.equal(shaped.query, 'since=2024-01-02T03%3A04%3A05.000Z&tags=%7B%22a%22%3A1%7D');
  });
  test('nested deepObject values use bracket paths; arrays repeat the key', () => {
    const q = op('/items', [param('filter', 'query', 'deepObject', true)]);
    assert.equal(
      buildRequest(q, { filter: { a: { b: 1 }, tags: ['x', 'y'], skip: null } }).query,
      'filter[a][b]=1&filter[tags]=x&filter[tags]=y',
    );
  });
});

describe('RFC 6570 empty members', () => {
  test('matrix exploded: an empty member is ;name (no "="); form keeps name=', () => {
    const matrix = op('/m/x{color}', [param('color', 'path', 'matrix', true)]);
    assert.equal(buildRequest(matrix, { color: ['a', ''] }).path, '/m/x;color=a;color');
    assert.equal(buildRequest(matrix, { color: { R: '', G: 1 } }).path, '/m/x;R;G=1');
    const form = op('/f', [param('color', 'query', 'form', true)]);
    assert.equal(buildRequest(form, { color: ['a', ''] }).query, 'color=a&color=');
  });
});

describe('content-encoded parameters', () => {
  test('a query parameter with content application/json is sent as JSON', () => {
    const q = op('/items', [param('filter', 'query', 'form', true, { contentType: 'application/json' })]);
    assert.equal(buildRequest(q, { filter: { a: [1, 2] } }).query, 'filter=%7B%22a%22%3A%5B1%2C2%5D%7D');
  });
  test('a header parameter with content application/json is sent as raw JSON', () => {
    const h = op('/items', [param('X-Filter', 'header', 'simple', false, { contentType: 'application/json' })]);
    assert.deepEqual(buildRequest(h, { 'X-Filter': { a: 'b' } }).headers, { 'X-Filter': '{"a":"b"}' });
  });
});
