/** RFC 8288 Link header parsing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLinkHeader } from '../../../runtime/pagination/index.js';

const BASE = 'https://api.example.com/v1/items?page=2';
const parse = (value: string | string[] | undefined): Record<string, string> =>
  Object.fromEntries(parseLinkHeader(value, BASE));

describe('parseLinkHeader', () => {
  test("GitHub's format", () => {
    assert.deepEqual(
      parse(
        '<https://api.github.com/repositories/1/issues?page=3>; rel="next", <https://api.github.com/repositories/1/issues?page=50>; rel="last"',
      ),
      {
        next: 'https://api.github.com/repositories/1/issues?page=3',
        last: 'https://api.github.com/repositories/1/issues?page=50',
      },
    );
  });
  test('unquoted rel token, and whitespace anywhere', () => {
    assert.deepEqual(parse('  <https://a.example/2> ;rel=next ,\t<https://a.example/1>;  rel = prev  '), {
      next: 'https://a.example/2',
      prev: 'https://a.example/1',
    });
  });
  test('several relation types in one rel, case-insensitive', () => {
    assert.deepEqual(parse('<https://a.example/9>; rel="NEXT Last"'), {
      next: 'https://a.example/9',
      last: 'https://a.example/9',
    });
  });
  test('commas and semicolons inside quoted params and inside <...>', () => {
    assert.deepEqual(
      parse(
        '<https://a.example/x?ids=1,2;3>; title="a, b; c"; rel="next", <https://a.example/p>; rel="prev"; title="x,\\"y\\""',
      ),
      {
        next: 'https://a.example/x?ids=1,2;3',
        prev: 'https://a.example/p',
      },
    );
  });
  test('relative references resolve against the request URL', () => {
    assert.deepEqual(parse('</v1/items?page=3>; rel="next", <?page=1>; rel="first", <items?page=9>; rel="last"'), {
      next: 'https://api.example.com/v1/items?page=3',
      first: 'https://api.example.com/v1/items?page=1',
      last: 'https://api.example.com/v1/items?page=9',
    });
  });
  test('other params before rel; only the first rel counts; the first link per rel wins', () => {
    assert.deepEqual(
      parse('<https://a.example/1>; type="text/html"; rel="next"; rel="prev", <https://a.example/2>; rel="next"'),
      { next: 'https://a.example/1' },
    );
  });
  test('several header lines', () => {
    assert.deepEqual(parse(['<https://a.example/2>; rel="next"', '<https://a.example/0>; rel="prev"']), {
      next: 'https://a.example/2',
      prev: 'https://a.example/0',
    });
  });
  test('garbage is skipped without throwing', () => {
    const cases: Array<[string | undefined, Record<string, string>]> = [
      [undefined, {}],
      ['', {}],
      ['garbage', {}],
      ['<https://a.example/1>', {}],
      ['<https://a.example/1>; rel=', {}],
      ['<https://a.example/unterminated; rel="next"', {}],
      ['junk, <https://a.example/2>; rel="next"', { next: 'https://a.example/2' }],
      ['<https://a.example/1> junk; rel="x", <https://a.example/2>; rel="next"', { next: 'https://a.example/2' }],
      ['<http://[bad>; rel="next", <https://a.example/3>; rel="last"', { last: 'https://a.example/3' }],
      ['<https://a.example/4>; rel="next', { next: 'https://a.example/4' }],
      [',,,;;;<<>>""', {}],
    ];
    for (const [value, expected] of cases) assert.deepEqual(parse(value), expected, String(value));
  });
});
