/**
 * Item 4: one refresh after a 401, through the real Client. A bearer provider is asked once for a
 * fresh token (forceRefresh) and the call replayed; an oauth2 client-credentials token is fetched
 * again (through the client's dispatcher, tokenUrl relative to the base URL); a fixed token is not
 * replayed; a token endpoint that fails on the refresh is the call's error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Agent, type Dispatcher } from 'undici';
import { AuthenticationError, Client, SdkError, type TokenProviderContext } from '../../../runtime/index.js';
import type { ApiDescriptor, OperationDescriptor } from '../../../runtime/descriptor.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const track = cleanup();
const CLIENT_SECRET = 'client-secret-wiring-4';
const oauthApi: ApiDescriptor = testApi({
  securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token' } } } },
  security: [['oauth']],
});
const secured: OperationDescriptor = ops.securedGet;
/** No operation-level security: the API's global `oauth` requirement applies. */
const oauthGet: OperationDescriptor = ops.listPets;

/** An Agent that records the paths it dispatches (to see the token request use the client's pool). */
class RecordingAgent extends Agent {
  readonly paths: string[] = [];
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.paths.push(options.path);
    return super.dispatch(options, handler);
  }
}

describe('401: one refresh, then replay', () => {
  test('a bearer provider is asked once for a fresh token and the call replayed (not a retry)', async () => {
    const server = track.server(
      await startRawServer((_req, res, seen) =>
        seen.headers.authorization === 'Bearer fresh' ? sendJson(res, 200, { ok: true }) : sendJson(res, 401, {}),
      ),
    );
    const asked: TokenProviderContext[] = [];
    const provider = (context: TokenProviderContext) => {
      asked.push(context);
      return context.forceRefresh || asked.some((c) => c.forceRefresh) ? 'fresh' : 'stale';
    };
    const client = track.client(
      new Client(testApi(), {
        baseUrl: server.origin,
        logLevel: 'off',
        auth: { bearerAuth: provider },
        retry: { maxRetries: 0 },
      }),
    );
    const { response } = await client.request(secured).withResponse();
    assert.equal(response.status, 200);
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer stale', 'Bearer fresh'],
    );
    assert.equal(asked.filter((c) => c.forceRefresh).length, 1);
  });

  test('oauth2 client credentials: refreshed once on 401 through the client dispatcher (2 token requests, 2 API hits)', async () => {
    let tokensIssued = 0;
    const server = track.server(
      await startRawServer((_req, res, seen) => {
        if (seen.url === '/oauth/token')
          return sendJson(res, 200, { access_token: `tok-${++tokensIssued}`, token_type: 'Bearer', expires_in: 3600 });
        sendJson(res, seen.headers.authorization === 'Bearer tok-2' ? 200 : 401, {});
      }),
    );
    const dispatcher = new RecordingAgent();
    track.server({ close: () => dispatcher.close() });
    const client = track.client(
      new Client(oauthApi, {
        baseUrl: `${server.origin}/v1`,
        dispatcher,
        logLevel: 'off',
        auth: { oauth: { clientId: 'app', clientSecret: CLIENT_SECRET } },
      }),
    );
    const { response } = await client.request(oauthGet).withResponse();
    assert.equal(response.status, 200);
    const tokenRequests = server.requests.filter((r) => r.url === '/oauth/token');
    const apiHits = server.requests.filter((r) => r.url !== '/oauth/token');
    assert.equal(tokenRequests.length, 2);
    assert.deepEqual(
      apiHits.map((r) => r.headers.authorization),
      ['Bearer tok-1', 'Bearer tok-2'],
    );
    assert.equal(dispatcher.paths.filter((p) => p === '/oauth/token').length, 2);
  });

  test('a fixed token on 401: AuthenticationError, no replay', async () => {
    const server = track.server(await startRawServer((_req, res) => sendJson(res, 401, { message: 'bad token' })));
    const client = track.client(
      new Client(testApi(), { baseUrl: server.origin, logLevel: 'off', auth: { bearerAuth: 'fixed-token-abc' } }),
    );
    await assert.rejects(client.request(secured), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.ok(!JSON.stringify(error).includes('fixed-token-abc') && !String(error.stack).includes('fixed-token-abc'));
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  test('the token endpoint failing on the refresh is the call error (secret-free), no replay', async () => {
    let tokenHits = 0;
    const server = track.server(
      await startRawServer((_req, res, seen) => {
        if (seen.url === '/oauth/token') {
          tokenHits++;
          return tokenHits === 1
            ? sendJson(res, 200, { access_token: 'tok-1', expires_in: 3600, token_type: 'Bearer' })
            : sendJson(res, 503, { error: 'down' });
        }
        sendJson(res, 401, {});
      }),
    );
    const client = track.client(
      new Client(oauthApi, {
        baseUrl: server.origin,
        logLevel: 'off',
        auth: { oauth: { clientId: 'app', clientSecret: CLIENT_SECRET } },
      }),
    );
    await assert.rejects(client.request(oauthGet), (error: unknown) => {
      assert.ok(error instanceof SdkError);
      assert.match(error.message, /oauth2 token request/);
      assert.ok(!JSON.stringify(error).includes(CLIENT_SECRET) && !String(error.stack).includes(CLIENT_SECRET));
      return true;
    });
    assert.equal(server.requests.filter((r) => r.url !== '/oauth/token').length, 1);
    assert.ok(tokenHits >= 2);
  });
});
