/**
 * Item 8: the package root exports what users and generated SDKs need (auth and stream types are
 * checked by tsc through the imports below) and only the constants a user can override: retry
 * tuning, header lists and size caps stay internal (a generated SDK re-exports the root).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as runtime from '../../runtime/index.js';
import type {
  EventStream,
  JsonLinesStream,
  OAuth2ClientCredentials,
  RequestSigner,
  SignableRequest,
  Signer,
  SseEvent,
  TokenProvider,
  TokenProviderContext,
} from '../../runtime/index.js';

describe('runtime root exports', () => {
  test('stream helpers and the documented defaults are exported', () => {
    assert.equal(typeof runtime.parseSse, 'function');
    assert.equal(typeof runtime.parseNdjson, 'function');
    assert.equal(typeof runtime.reconnectingEventStream, 'function');
    assert.equal(runtime.TOKEN_EXPIRY_MARGIN_MS, 30_000);
    assert.equal(runtime.TOKEN_REQUEST_TIMEOUT_MS, 10_000);
    assert.equal(runtime.DEFAULT_CONNECT_TIMEOUT_MS, 10_000);
    assert.equal(runtime.DEFAULT_READ_TIMEOUT_MS, 60_000);
    assert.equal(runtime.DEFAULT_TOTAL_TIMEOUT_MS, 120_000);
    assert.equal(runtime.DEFAULT_MAX_RETRIES, 2);
  });

  test('internal constants do not leak from the root', () => {
    const leaked = [
      'RETRY_BASE_DELAY_MS',
      'RETRY_MAX_DELAY_MS',
      'RETRY_JITTER_FRACTION',
      'MAX_ERROR_BODY_BYTES',
      'RETRYABLE_STATUSES',
      'IDEMPOTENT_METHODS',
      'ACCEPT_ENCODING',
      'REQUEST_ID_HEADERS',
      'DEFAULT_LOG_LEVEL',
    ].filter((name) => name in runtime);
    assert.deepEqual(leaked, []);
  });

  test('the public auth and stream types compose as documented', () => {
    const provider: TokenProvider = (context: TokenProviderContext) => (context.forceRefresh ? 'new' : 'cached');
    const sign: Signer = (request: SignableRequest) => {
      request.headers['x-signed'] = request.method;
    };
    const signer: RequestSigner = { sign };
    const oauth: OAuth2ClientCredentials = { clientId: 'id', clientSecret: 'secret' };
    const event: SseEvent<string> = { event: 'message', data: 'x', id: undefined, retry: undefined };
    // Type-level: both stream kinds are async iterables with the response and abort().
    const kinds: Array<keyof JsonLinesStream & keyof EventStream> = ['response', 'abort'];
    assert.equal(provider({ forceRefresh: true }), 'new');
    assert.equal(typeof signer.sign, 'function');
    assert.equal(oauth.clientId, 'id');
    assert.equal(event.data, 'x');
    assert.deepEqual(kinds, ['response', 'abort']);
  });
});
