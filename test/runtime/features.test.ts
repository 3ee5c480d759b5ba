/**
 * The optional-feature registry (runtime/features.ts) in a process that never loads the Node entry
 * (runtime/node.ts installs every feature): a missing feature fails naming itself and how to
 * install it, at construction for digest and on use for pagination; once installed, it is used.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, InvalidArgumentError } from '../../runtime/index.js';
import type { ApiDescriptor, OperationDescriptor } from '../../runtime/descriptor.js';
import { installFeatures, requireFeature } from '../../runtime/features.js';
import { digest } from '../../runtime/features/digest.js';
import { pagination } from '../../runtime/features/pagination.js';

const DIGEST_API: ApiDescriptor = {
  name: 'Features',
  packageName: 'features',
  envPrefix: 'FEATURES',
  servers: [{ name: 'local', url: 'http://127.0.0.1:9' }],
  securitySchemes: { login: { type: 'http', scheme: 'digest' } },
  security: [['login']],
} as unknown as ApiDescriptor;

const PAGED: OperationDescriptor = {
  id: 'listThings',
  method: 'GET',
  path: '/things',
  params: [],
  response: { success: [{ status: '200', kind: 'json' }], accept: 'application/json' },
  pagination: { strategy: 'link', items: '' },
} as unknown as OperationDescriptor;

describe('optional runtime features', () => {
  it('a missing feature names itself and how to install it', () => {
    assert.throws(
      () => requireFeature('eventStreams', 'GET /events'),
      (error: unknown) =>
        error instanceof InvalidArgumentError &&
        error.message.startsWith('GET /events needs NDJSON/SSE responses,') &&
        error.message.includes('installFeatures({ eventStreams })'),
    );
  });

  it('a digest scheme without the digest feature fails at construction, then works once installed', () => {
    const options = { auth: { login: { username: 'u', password: 'p' } } };
    assert.throws(() => new Client(DIGEST_API, options), /auth scheme "login" needs HTTP digest auth/);
    installFeatures({ digest });
    assert.ok(new Client(DIGEST_API, options) instanceof Client);
  });

  it('paginate() takes the feature as an argument, else the installed one', () => {
    const client = new Client({ ...DIGEST_API, securitySchemes: {}, security: [] } as ApiDescriptor);
    assert.throws(() => client.paginate(PAGED), /listThings needs paginated calls/);
    assert.equal(client.paginate(PAGED, {}, undefined, pagination).constructor, pagination.PagePromise);
    installFeatures({ pagination });
    assert.equal(client.paginate(PAGED).constructor, pagination.PagePromise);
  });
});
