import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redactHeaders, redactUrl } from '../../runtime/redact.js';

describe('redactUrl', () => {
  test('userinfo is replaced', () => {
    assert.equal(redactUrl('https://ann:pw@api.example.com/x'), 'https://***@api.example.com/x');
    assert.equal(redactUrl(new URL('https://token@api.example.com/x')), 'https://***@api.example.com/x');
    assert.equal(redactUrl('https://u:p@ss@host/x'), 'https://***@host/x');
  });
  test('secret query values are replaced, case-insensitively, other values untouched', () => {
    assert.equal(
      redactUrl('https://h/p?API_KEY=abc&page=2&Key=zz', ['api_key', 'key']),
      'https://h/p?API_KEY=***&page=2&Key=***',
    );
  });
  test('encoded secret names still match; repeated names all redacted; fragment kept', () => {
    assert.equal(
      redactUrl('https://h/p?api%20key=1&api+key=2&x=3#frag', ['api key']),
      'https://h/p?api%20key=***&api+key=***&x=3#frag',
    );
  });
  test('conventional credential names (access_token, X-Amz-Signature) are redacted without being named', () => {
    assert.equal(
      redactUrl('https://s3/b?X-Amz-Signature=sig&access_token=t&v=1'),
      'https://s3/b?X-Amz-Signature=***&access_token=***&v=1',
    );
  });
  test('never throws on something that is not a URL', () => {
    assert.equal(redactUrl('not a url ?token=abc'), 'not a url ?token=***');
    assert.equal(redactUrl('/relative/path?secret=1&a=%ZZ', ['secret']), '/relative/path?secret=***&a=%ZZ');
    assert.equal(redactUrl('https://h/p?%E0%A4%A=1', []), 'https://h/p?%E0%A4%A=1');
  });
  test('the rest of the URL is kept exactly as sent (no re-encoding)', () => {
    assert.equal(redactUrl('https://h/a%2Fb?q=a%20b'), 'https://h/a%2Fb?q=a%20b');
  });
});

describe('redactHeaders', () => {
  test('standard credential headers and given names, case-insensitively', () => {
    const out = redactHeaders(
      {
        Authorization: 'Bearer t',
        'proxy-authorization': 'Basic x',
        Cookie: 'a=1',
        'set-cookie': ['a=1', 'b=2'],
        'X-API-Key': 'k',
        Accept: 'application/json',
        n: 3,
      },
      ['x-api-key'],
    );
    assert.deepEqual(out, {
      Authorization: '***',
      'proxy-authorization': '***',
      Cookie: '***',
      'set-cookie': ['***', '***'],
      'X-API-Key': '***',
      Accept: 'application/json',
      n: 3,
    });
  });
  test('accepts a Headers object or a Map and drops undefined values', () => {
    assert.deepEqual(redactHeaders(new Headers({ authorization: 'x', 'x-a': 'b' })), {
      authorization: '***',
      'x-a': 'b',
    });
    assert.deepEqual(redactHeaders(new Map([['Cookie', 'c']])), { Cookie: '***' });
    assert.deepEqual(redactHeaders({ forEach: 'a header named forEach' }), { forEach: 'a header named forEach' });
    assert.deepEqual(redactHeaders({ a: undefined, b: 'c' }), { b: 'c' });
  });
});
