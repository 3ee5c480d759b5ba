/**
 * Client credentials through the real Client, as it is wired today (applyAuth per attempt): the
 * API on one loopback server, the token endpoint on another; one token for many calls.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../../../runtime/client.js';
import { AuthenticationError } from '../../../runtime/errors.js';
import { api, op, startServer } from '../support/descriptors.js';
import { leaks, startTokenServer } from '../support/token-server.js';

const SECRET = 'client-secret-for-the-client-test';

describe('Client with oauth2 client credentials', () => {
  test('every call carries the fetched token; concurrent calls share one token request', async () => {
    const tokens = await startTokenServer();
    const apiServer = await startServer((req, res) => {
      const ok = req.headers.authorization === 'Bearer tok-1';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { pets: [] } : { message: 'bad token' }));
    });
    const descriptor = api({
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${tokens.origin}/oauth/token` } } },
      },
      security: [['oauth']],
    });
    const client = new Client(descriptor, {
      baseUrl: apiServer.origin,
      auth: { oauth: { clientId: 'pets-app', clientSecret: SECRET } },
    });
    try {
      const listPets = op('/pets', []);
      const results = await Promise.all(Array.from({ length: 10 }, () => client.request(listPets, {})));
      assert.deepEqual(
        results,
        Array.from({ length: 10 }, () => ({ pets: [] })),
      );
      assert.deepEqual(await client.request(listPets, {}), { pets: [] });
      assert.equal(tokens.seen.length, 1);
      assert.equal(apiServer.hits.length, 11);
    } finally {
      await client.close();
      await apiServer.close();
      await tokens.close();
    }
  });

  test('a rejected client secret surfaces as AuthenticationError from the token endpoint, secret-free', async () => {
    const tokens = await startTokenServer((_seen, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client' }));
    });
    const apiServer = await startServer((_req, res) => res.writeHead(500).end());
    const descriptor = api({
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${tokens.origin}/oauth/token` } } },
      },
      security: [['oauth']],
    });
    const client = new Client(descriptor, {
      baseUrl: apiServer.origin,
      auth: { oauth: { clientId: 'pets-app', clientSecret: SECRET } },
    });
    try {
      await assert.rejects(client.request(op('/pets', []), {}), (error: Error) => {
        assert.ok(error instanceof AuthenticationError);
        assert.match(error.message, /oauth2 token request .* failed with 401 \(invalid_client\)/);
        assert.equal(leaks(error, SECRET), false);
        return true;
      });
      assert.equal(apiServer.hits.length, 0);
    } finally {
      await client.close();
      await apiServer.close();
      await tokens.close();
    }
  });
});
