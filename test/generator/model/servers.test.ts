import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../generator/model/index.js';
import { configFor, doc, specFromDocument } from './helpers.js';

const ok = { responses: { '204': { description: 'done' } } };

test('operation servers beat path-item servers, which beat none (the API servers apply)', () => {
  const spec = specFromDocument(
    doc(
      {
        '/assets': {
          servers: [{ url: 'https://files.example.com', description: 'files' }],
          post: {
            operationId: 'uploadAsset',
            servers: [
              {
                url: 'https://{region}.uploads.example.com',
                variables: { region: { default: 'eu', enum: ['eu', 'us'] } },
              },
            ],
            ...ok,
          },
          get: { operationId: 'listAssets', ...ok },
        },
        '/plain': { get: { operationId: 'plain', ...ok } },
      },
      { servers: [{ url: 'https://api.example.com' }] },
    ),
  );
  const model = buildModel(spec, configFor());
  const byId = new Map(model.operations.map((op) => [op.id, op]));
  assert.deepEqual(byId.get('uploadAsset')?.servers, [
    {
      url: 'https://{region}.uploads.example.com',
      name: 'server0',
      variables: { region: { default: 'eu', enum: ['eu', 'us'] } },
    },
  ]);
  assert.deepEqual(byId.get('listAssets')?.servers, [{ url: 'https://files.example.com', name: 'files' }]);
  assert.equal(byId.get('plain')?.servers, undefined);
  assert.deepEqual(model.servers, [{ url: 'https://api.example.com', name: 'server0' }]);
});

test('a malformed operation-level servers value is refused with its JSON pointer', () => {
  const spec = specFromDocument(doc({ '/x': { get: { operationId: 'x', servers: { url: 'nope' }, ...ok } } }));
  assert.throws(
    () => buildModel(spec, configFor()),
    (err: Error & { details?: { pointer?: string } }) => {
      assert.equal(err.name, 'InputError');
      assert.equal(err.details?.pointer, '/paths/~1x/get/servers');
      return true;
    },
  );
});
