/** A parameter whose params-object key differs from its wire name (the same name in two locations). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRequest } from '../../../runtime/request/index.js';
import { op, param } from '../support/descriptors.js';

describe('ParameterDescriptor.key', () => {
  const getUser = op('/users/{id}', [
    param('id', 'path', 'simple', false),
    { ...param('id', 'query', 'form', true), key: 'queryId' },
  ]);
  test('the path and the query parameter named `id` are read from their own keys', () => {
    const built = buildRequest(getUser, { id: 'u1', queryId: '7' });
    assert.equal(built.path, '/users/u1');
    assert.equal(built.query, 'id=7');
  });
  test('a required parameter is missing when its key is absent, even if its wire name is set', () => {
    const required = op('/things', [{ ...param('id', 'header', 'simple', false), required: true, key: 'headerId' }]);
    assert.throws(() => buildRequest(required, { id: 'x' }), {
      message: /missing required header parameter "id" \(set it as `headerId`\)/,
    });
    assert.equal(buildRequest(required, { headerId: 'x' }).headers.id, 'x');
  });
});
