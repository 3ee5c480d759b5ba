/** Percent-encoding edge cases, dot segments, allowReserved and header injection. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRequest, formatCookieHeader } from '../../../runtime/request/index.js';
import { op, param } from '../support/descriptors.js';

const getPet = op('/pets/{petId}/photos', [param('petId', 'path', 'simple', false)]);
const pathOf = (petId: unknown): string => buildRequest(getPet, { petId }).path;

describe('path parameter encoding', () => {
  test('a slash cannot add a path segment', () => {
    assert.equal(pathOf('a/b'), '/pets/a%2Fb/photos');
  });
  test('../ stays encoded inside the segment', () => {
    assert.equal(pathOf('../admin'), '/pets/..%2Fadmin/photos');
    assert.equal(pathOf('..\\admin'), '/pets/..%5Cadmin/photos');
  });
  test('a whole "." or ".." segment is refused, naming neither a value nor a secret', () => {
    assert.throws(() => pathOf('..'), { name: 'InvalidArgumentError', message: /"\." or "\.\."/ });
    assert.throws(() => pathOf('.'), { name: 'InvalidArgumentError' });
    assert.equal(pathOf('...'), '/pets/.../photos');
    assert.equal(pathOf('.hidden'), '/pets/.hidden/photos');
  });
  test('spaces, percent signs, query and fragment characters are data', () => {
    assert.equal(pathOf('a b'), '/pets/a%20b/photos');
    assert.equal(pathOf('100%'), '/pets/100%25/photos');
    assert.equal(pathOf('%2F'), '/pets/%252F/photos');
    assert.equal(pathOf('a?b#c'), '/pets/a%3Fb%23c/photos');
    assert.equal(pathOf('a;b,c=d'), '/pets/a%3Bb%2Cc%3Dd/photos');
  });
  test("sub-delims encodeURIComponent leaves alone are encoded too: ! ' ( ) *", () => {
    assert.equal(pathOf("it's(*)!"), '/pets/it%27s%28%2A%29%21/photos');
  });
  test('unreserved characters stay as they are', () => {
    assert.equal(pathOf('Az09-._~'), '/pets/Az09-._~/photos');
  });
  test('unicode is UTF-8 percent-encoded; a lone surrogate becomes U+FFFD instead of throwing', () => {
    assert.equal(pathOf('café 🐶'), '/pets/caf%C3%A9%20%F0%9F%90%B6/photos');
    assert.equal(pathOf('a\uD800b'), '/pets/a%EF%BF%BDb/photos');
  });
  test('numbers and booleans', () => {
    assert.equal(pathOf(42), '/pets/42/photos');
    assert.equal(pathOf(false), '/pets/false/photos');
  });
  test('an array in simple style joins with commas, each item encoded', () => {
    assert.equal(pathOf(['a,b', 'c']), '/pets/a%2Cb,c/photos');
  });
  test('CR/LF in a path value is encoded, never raw', () => {
    assert.equal(pathOf('a\r\nHost: evil'), '/pets/a%0D%0AHost%3A%20evil/photos');
  });
});

describe('query encoding', () => {
  const search = op('/search', [param('q', 'query', 'form', true)]);
  const raw = op('/search', [param('q', 'query', 'form', true, { allowReserved: true })]);
  test('reserved characters are encoded by default', () => {
    assert.equal(buildRequest(search, { q: 'a&b=c/d?e#f+g' }).query, 'q=a%26b%3Dc%2Fd%3Fe%23f%2Bg');
  });
  test('allowReserved passes reserved characters and percent triples but never & # + or a bare %', () => {
    assert.equal(buildRequest(raw, { q: 'a/b:c@d,e;f=g' }).query, 'q=a/b:c@d,e;f=g');
    assert.equal(buildRequest(raw, { q: 'x%2Fy 100% a&b#c+d' }).query, 'q=x%2Fy%20100%25%20a%26b%23c%2Bd');
  });
  test('names are encoded as well', () => {
    const odd = op('/search', [param('a b', 'query', 'form', true)]);
    assert.equal(buildRequest(odd, { 'a b': 1 }).query, 'a%20b=1');
  });
  test('no params: empty query', () => {
    assert.equal(buildRequest(search, {}).query, '');
  });
});

describe('header parameters', () => {
  const withHeader = op('/x', [param('X-Trace', 'header', 'simple', false)]);
  test('a value with CR or LF is refused without echoing it', () => {
    for (const value of ['a\r\nSet-Cookie: x=1', 'a\nb', 'a\rb', 'a\0b', 'a\x07b', 'emoji 🐶', ['ok', 'b\nc']]) {
      assert.throws(
        () => buildRequest(withHeader, { 'X-Trace': value }),
        (error: Error) =>
          error.name === 'InvalidArgumentError' &&
          /header parameter "X-Trace" contains CR, LF, NUL/.test(error.message) &&
          !error.message.includes('Set-Cookie'),
      );
    }
  });
  test('values are not percent-encoded; tabs and Latin-1 are allowed', () => {
    assert.deepEqual(buildRequest(withHeader, { 'X-Trace': 'a b/c\tcafé' }).headers, { 'X-Trace': 'a b/c\tcafé' });
  });
});

describe('formatCookieHeader', () => {
  test('joins pairs with "; "', () => {
    assert.equal(
      formatCookieHeader([
        ['a', '1'],
        ['b', '2'],
      ]),
      'a=1; b=2',
    );
    assert.equal(formatCookieHeader([]), '');
  });
});

describe('plan cache', () => {
  test('the same descriptor shaped twice gives independent results', () => {
    const first = buildRequest(getPet, { petId: 'a' });
    const second = buildRequest(getPet, { petId: 'b' });
    assert.equal(first.path, '/pets/a/photos');
    assert.equal(second.path, '/pets/b/photos');
    assert.notEqual(first.headers, second.headers);
  });
  test('a template variable the descriptor does not declare is still filled', () => {
    assert.equal(buildRequest(op('/orgs/{org}/repos', []), { org: 'a b' }).path, '/orgs/a%20b/repos');
  });
});
