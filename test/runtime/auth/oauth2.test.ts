/**
 * OAuth2 client credentials against a real token endpoint on 127.0.0.1: the token request on the
 * wire, caching until expiry minus the margin, single-flight, the 401 refresh, and secrets kept
 * out of every error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiDescriptor } from '../../../runtime/descriptor.js';
import {
  OAuth2TokenManager,
  TOKEN_EXPIRY_MARGIN_MS,
  applyAuth,
  createAuthResolver,
  refreshOn401,
  resolveAuth,
  type AuthOption,
} from '../../../runtime/auth/index.js';
import {
  AuthenticationError,
  ConnectionError,
  ResponseParseError,
  SdkError,
  TimeoutError,
} from '../../../runtime/errors.js';
import { api, op } from '../support/descriptors.js';
import { issueTokens, json, leaks, startTokenServer, type TokenServer } from '../support/token-server.js';

const API_URL = 'https://api.example.com/v1/pets';
const SECRET = 's3cr:t/+& é';
const NO_ENV = {};

function petstore(tokenUrl: string): ApiDescriptor {
  return api({
    securitySchemes: {
      oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: ['pets:read', 'pets:write'] } } },
      code: { type: 'oauth2', flows: { authorizationCode: { tokenUrl } } },
      oidc: { type: 'openIdConnect', url: 'https://id.example.com/.well-known/openid-configuration' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
    security: [['oauth']],
  });
}

const listPets = op('/pets', []);

function resolver(tokenUrl: string, auth: AuthOption) {
  return createAuthResolver(petstore(tokenUrl), auth, NO_ENV);
}

async function authorization(
  resolved: ReturnType<ReturnType<typeof resolver>>,
  options = {},
): Promise<string | undefined> {
  return (await applyAuth(resolved, API_URL, options)).headers.authorization;
}

describe('client credentials: the token request', () => {
  let server: TokenServer;
  before(async () => {
    server = await startTokenServer();
  });
  after(() => server.close());

  test('POSTs grant_type=client_credentials with HTTP Basic (form-encoded id:secret) and space-joined scopes', async () => {
    const auth = resolver(`${server.origin}/oauth/token`, {
      oauth: { clientId: 'app id', clientSecret: SECRET, scopes: ['pets:read', 'pets:write'] },
    })(listPets);
    assert.equal(await authorization(auth), 'Bearer tok-1');
    const [seen] = server.seen.splice(0);
    assert.equal(seen!.method, 'POST');
    assert.equal(seen!.path, '/oauth/token');
    assert.equal(seen!.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(seen!.headers.accept, 'application/json');
    assert.equal(seen!.form.get('grant_type'), 'client_credentials');
    assert.equal(seen!.form.get('scope'), 'pets:read pets:write');
    assert.equal(seen!.form.get('client_secret'), null);
    // RFC 6749 §2.3.1: both parts form-encoded before Base64.
    const basic = Buffer.from(String(seen!.headers.authorization).replace(/^Basic /, ''), 'base64').toString('utf8');
    const [id, secret] = basic.split(':').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    assert.deepEqual([id, secret], ['app id', SECRET]);
  });

  test('client_secret_post puts the credentials in the body; extra params (audience) are sent; no scopes, no scope param', async () => {
    const auth = resolver(`${server.origin}/oauth/token`, {
      oauth: {
        clientId: 'app',
        clientSecret: SECRET,
        authMethod: 'client_secret_post',
        params: { audience: 'https://api.example.com' },
      },
    })(listPets);
    assert.equal(await authorization(auth), 'Bearer tok-2');
    const [seen] = server.seen.splice(0);
    assert.equal(seen!.headers.authorization, undefined);
    assert.equal(seen!.form.get('client_id'), 'app');
    assert.equal(seen!.form.get('client_secret'), SECRET);
    assert.equal(seen!.form.get('audience'), 'https://api.example.com');
    assert.equal(seen!.form.has('scope'), false);
  });

  test('a relative tokenUrl resolves against the base URL (a server URL with a path is a directory)', async () => {
    const relative = resolver('oauth/token', { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(listPets);
    await authorization(relative, { baseUrl: `${server.origin}/v1` });
    const absolutePath = resolver('/oauth/token', { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
      listPets,
    );
    await authorization(absolutePath, { baseUrl: `${server.origin}/v1` });
    // Without a base URL the request URL's origin is the base.
    const fromRequest = resolver('/auth/token', { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(listPets);
    await applyAuth(fromRequest, `${server.origin}/v1/pets`);
    assert.deepEqual(
      server.seen.splice(0).map((s) => s.path),
      ['/v1/oauth/token', '/oauth/token', '/auth/token'],
    );
  });

  test('the option tokenUrl overrides the spec; a bearer scheme can use client credentials with a tokenUrl', async () => {
    const bearerApi = api({ securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, security: [['bearer']] });
    const auth = resolveAuth(
      listPets,
      bearerApi,
      { bearer: { clientId: 'a', clientSecret: 'client-secret', tokenUrl: `${server.origin}/custom` } },
      NO_ENV,
    );
    assert.match(String(await authorization(auth)), /^Bearer tok-\d+$/);
    assert.deepEqual(
      server.seen.splice(0).map((s) => s.path),
      ['/custom'],
    );
  });
});

describe('client credentials: caching and single-flight', () => {
  test('a token is reused until expires_in minus the margin, then fetched again', async () => {
    const server = await startTokenServer();
    try {
      let now = 1_000_000;
      const manager = new OAuth2TokenManager(
        'oauth',
        `${server.origin}/token`,
        { clientId: 'a', clientSecret: 'client-secret' },
        { now: () => now },
      );
      assert.equal(await manager.token(), 'tok-1');
      now += 3600_000 - TOKEN_EXPIRY_MARGIN_MS - 1;
      assert.equal(await manager.token(), 'tok-1');
      now += 2;
      assert.equal(await manager.token(), 'tok-2');
      assert.equal(server.seen.length, 2);
    } finally {
      await server.close();
    }
  });

  test('a short-lived token (20 s) is still reused for half its life; no expires_in: kept until invalidated', async () => {
    let expiresIn: number | undefined = 20;
    const server = await startTokenServer((_seen, res, n) =>
      json(res, 200, { access_token: `tok-${n}`, token_type: 'bearer', expires_in: expiresIn }),
    );
    try {
      let now = 0;
      const manager = new OAuth2TokenManager(
        'oauth',
        `${server.origin}/token`,
        { clientId: 'a', clientSecret: 'client-secret' },
        { now: () => now },
      );
      assert.equal(await manager.token(), 'tok-1');
      now = 9_999;
      assert.equal(await manager.token(), 'tok-1');
      now = 10_000;
      expiresIn = undefined;
      assert.equal(await manager.token(), 'tok-2');
      now = 10 * 365 * 24 * 3600_000;
      assert.equal(await manager.token(), 'tok-2');
      manager.invalidate();
      assert.equal(await manager.token(), 'tok-3');
    } finally {
      await server.close();
    }
  });

  test('50 concurrent calls share one token request', async () => {
    const server = await startTokenServer((seen, res, n) => {
      setTimeout(() => issueTokens(seen, res, n), 50);
    });
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
        listPets,
      );
      const headers = await Promise.all(Array.from({ length: 50 }, () => authorization(auth)));
      assert.deepEqual(new Set(headers), new Set(['Bearer tok-1']));
      assert.equal(server.seen.length, 1);
    } finally {
      await server.close();
    }
  });

  test('a failed fetch is not cached: every waiter gets the error, the next call tries again', async () => {
    const server = await startTokenServer((seen, res, n) =>
      n === 1 ? json(res, 503, { error: 'temporarily_unavailable' }) : issueTokens(seen, res, n),
    );
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
        listPets,
      );
      const results = await Promise.allSettled([authorization(auth), authorization(auth)]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
      const [first, second] = results.map((r) => (r as PromiseRejectedResult).reason as Error);
      assert.match(first!.message, /failed with 503 \(temporarily_unavailable\)/);
      // Each waiter owns its error (callers annotate errors; they must not share one object).
      assert.notEqual(first, second);
      assert.equal(await authorization(auth), 'Bearer tok-2');
      assert.equal(server.seen.length, 2);
    } finally {
      await server.close();
    }
  });

  test("a caller's abort ends only its own wait; the shared request completes for the others", async () => {
    const server = await startTokenServer((seen, res, n) => {
      setTimeout(() => issueTokens(seen, res, n), 100);
    });
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
        listPets,
      );
      const controller = new AbortController();
      const aborted = authorization(auth, { signal: controller.signal });
      const patient = authorization(auth);
      controller.abort();
      await assert.rejects(aborted, (error: Error) => error.name === 'AbortError');
      assert.equal(await patient, 'Bearer tok-1');
      assert.equal(server.seen.length, 1);
    } finally {
      await server.close();
    }
  });

  test('operations of a client share its token; a derived client (same auth object) too; new credentials, new token', async () => {
    const server = await startTokenServer();
    try {
      const credentials = { clientId: 'a', clientSecret: 'client-secret' };
      const one = resolver(`${server.origin}/token`, { oauth: credentials });
      const getPet = op('/pets/{id}', []);
      assert.equal(await authorization(one(listPets)), 'Bearer tok-1');
      assert.equal(await authorization(one(getPet)), 'Bearer tok-1');
      // withOptions() spreads the parent's options: the auth object (and credentials) stay the same.
      const derived = resolver(`${server.origin}/token`, { oauth: credentials });
      assert.equal(await authorization(derived(listPets)), 'Bearer tok-1');
      const other = resolver(`${server.origin}/token`, { oauth: { ...credentials } });
      assert.equal(await authorization(other(listPets)), 'Bearer tok-2');
      assert.equal(server.seen.length, 2);
    } finally {
      await server.close();
    }
  });

  test('a relative tokenUrl under two base URLs (environments) keeps two tokens', async () => {
    const server = await startTokenServer();
    try {
      const auth = resolver('token', { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(listPets);
      assert.equal(await authorization(auth, { baseUrl: `${server.origin}/prod` }), 'Bearer tok-1');
      assert.equal(await authorization(auth, { baseUrl: `${server.origin}/staging` }), 'Bearer tok-2');
      assert.equal(await authorization(auth, { baseUrl: `${server.origin}/prod` }), 'Bearer tok-1');
      assert.deepEqual(
        server.seen.map((s) => s.path),
        ['/prod/token', '/staging/token'],
      );
    } finally {
      await server.close();
    }
  });
});

describe('refreshOn401', () => {
  test('oauth2: refetches once, and concurrent 401s for the same token share the refresh', async () => {
    const server = await startTokenServer((seen, res, n) => {
      setTimeout(() => issueTokens(seen, res, n), 20);
    });
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
        listPets,
      );
      const rejected = await authorization(auth);
      assert.equal(rejected, 'Bearer tok-1');
      const refreshed = await Promise.all(
        Array.from({ length: 5 }, () => refreshOn401(auth, { Authorization: rejected! }, API_URL)),
      );
      assert.deepEqual(refreshed, [true, true, true, true, true]);
      assert.equal(await authorization(auth), 'Bearer tok-2');
      assert.equal(server.seen.length, 2);
    } finally {
      await server.close();
    }
  });

  test('oauth2: the server hands back the same token: no fresh credential, no replay', async () => {
    const server = await startTokenServer((_seen, res) =>
      json(res, 200, { access_token: 'same', token_type: 'Bearer', expires_in: 3600 }),
    );
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: 'client-secret' } })(
        listPets,
      );
      await authorization(auth);
      assert.equal(await refreshOn401(auth, { authorization: 'Bearer same' }, API_URL), false);
    } finally {
      await server.close();
    }
  });

  test('a bearer provider is asked again with forceRefresh; a static token cannot be refreshed', async () => {
    const contexts: boolean[] = [];
    let version = 0;
    const provider = (context: { forceRefresh: boolean }): string => {
      contexts.push(context.forceRefresh);
      if (context.forceRefresh) version++;
      return `p${version}`;
    };
    const withProvider = resolveAuth(
      listPets,
      petstore('https://unused.example.com/token'),
      { oauth: provider },
      NO_ENV,
    );
    assert.equal(await authorization(withProvider), 'Bearer p0');
    assert.equal(await refreshOn401(withProvider, { authorization: 'Bearer p0' }, API_URL), true);
    assert.equal(await authorization(withProvider), 'Bearer p1');
    assert.deepEqual(contexts, [false, true, false]);
    // A provider that returns the rejected token again: nothing fresh.
    const stale = resolveAuth(listPets, petstore('https://unused.example.com/token'), { oauth: () => 'p' }, NO_ENV);
    assert.equal(await refreshOn401(stale, { authorization: 'Bearer p' }, API_URL), false);
    const fixed = resolveAuth(listPets, petstore('https://unused.example.com/token'), { oauth: 'static' }, NO_ENV);
    assert.equal(await refreshOn401(fixed, { authorization: 'Bearer static' }, API_URL), false);
  });
});

describe('other oauth2 flows and openIdConnect take a token or provider', () => {
  const spec = petstore('https://auth.example.com/token');
  test('authorizationCode and openIdConnect: token string and async provider as bearer', async () => {
    const codeOp = op('/pets', [], { security: [['code']] });
    const oidcOp = op('/pets', [], { security: [['oidc']] });
    assert.equal(await authorization(resolveAuth(codeOp, spec, { code: 'at' }, NO_ENV)), 'Bearer at');
    assert.equal(
      await authorization(resolveAuth(oidcOp, spec, { oidc: async () => 'id-tok' }, NO_ENV)),
      'Bearer id-tok',
    );
  });
  test('client credentials on a flow without a tokenUrl fail at construction, naming the fix', () => {
    assert.throws(
      () =>
        createAuthResolver(
          petstore('https://auth.example.com/token'),
          { code: { clientId: 'a', clientSecret: SECRET } },
          NO_ENV,
        ),
      (error: Error) =>
        error instanceof SdkError &&
        /declares no clientCredentials flow for it; pass tokenUrl/.test(error.message) &&
        !leaks(error, SECRET),
    );
    assert.throws(
      () =>
        createAuthResolver(
          petstore('https://auth.example.com/token'),
          { oidc: { clientId: 'a', clientSecret: SECRET } },
          NO_ENV,
        ),
      /"oidc" \(openIdConnect\) cannot use oauth2 client credentials/,
    );
    assert.throws(
      () => createAuthResolver(petstore('x'), { oauth: { clientId: '', clientSecret: 'client-secret' } }, NO_ENV),
      /clientId, clientSecret/,
    );
  });
});

describe('client credentials: failures never show the secret or the token', () => {
  const TOKEN = 'eyJ-very-secret-access-token';

  test('invalid_client (401): AuthenticationError with the RFC 6749 fields, echoed secret scrubbed', async () => {
    const server = await startTokenServer((_seen, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'set-cookie': `s=${SECRET}` });
      res.end(
        JSON.stringify({
          error: 'invalid_client',
          error_description: `bad secret ${SECRET}`,
          echo: { client_secret: SECRET },
        }),
      );
    });
    try {
      const auth = resolver(`${server.origin}/token`, {
        oauth: { clientId: 'a', clientSecret: SECRET, authMethod: 'client_secret_post' },
      })(listPets);
      const error = await applyAuth(auth, API_URL).then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.status, 401);
      assert.match(
        error.message,
        /oauth2 token request to http:\/\/127\.0\.0\.1:\d+\/token failed with 401 \(invalid_client: bad secret \*\*\*\)/,
      );
      assert.deepEqual(Object.keys(error.body as object).sort(), ['error', 'error_description']);
      assert.equal(leaks(error, SECRET), false);
    } finally {
      await server.close();
    }
  });

  test('a 200 that is not JSON, or has no access_token: ResponseParseError naming fields, never values', async () => {
    const bodies = [`{"access_token":"${TOKEN}",`, JSON.stringify({ token: TOKEN })];
    const server = await startTokenServer((_seen, res, n) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(bodies[n - 1]);
    });
    try {
      for (const expected of [/not a JSON object/, /no access_token \(fields: token\)/]) {
        const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: SECRET } })(listPets);
        await assert.rejects(applyAuth(auth, API_URL), (error: Error) => {
          assert.ok(error instanceof ResponseParseError);
          assert.match(error.message, expected);
          assert.equal(leaks(error, TOKEN) || leaks(error, SECRET), false);
          return true;
        });
      }
    } finally {
      await server.close();
    }
  });

  test('a token type we cannot use (mac) is refused (RFC 6749 §7.1)', async () => {
    const server = await startTokenServer((_seen, res) => json(res, 200, { access_token: TOKEN, token_type: 'mac' }));
    try {
      const auth = resolver(`${server.origin}/token`, { oauth: { clientId: 'a', clientSecret: SECRET } })(listPets);
      await assert.rejects(
        applyAuth(auth, API_URL),
        (error: Error) => /token_type "mac" is not supported/.test(error.message) && !leaks(error, TOKEN),
      );
    } finally {
      await server.close();
    }
  });

  test('connection refused: ConnectionError without the secret', async () => {
    const server = await startTokenServer();
    const origin = server.origin;
    await server.close();
    const auth = resolver(`${origin}/token`, { oauth: { clientId: 'a', clientSecret: SECRET } })(listPets);
    await assert.rejects(applyAuth(auth, API_URL), (error: Error) => {
      assert.ok(error instanceof ConnectionError);
      assert.equal(error.systemCode, 'ECONNREFUSED');
      assert.equal(leaks(error, SECRET), false);
      return true;
    });
  });

  test('a token endpoint that never answers: TimeoutError at the configured timeout', async () => {
    const server = await startTokenServer(() => {
      /* never answers */
    });
    try {
      const manager = new OAuth2TokenManager(
        'oauth',
        `${server.origin}/token`,
        { clientId: 'a', clientSecret: SECRET },
        { timeoutMs: 150 },
      );
      const started = performance.now();
      await assert.rejects(
        manager.token(),
        (error: Error) => error instanceof TimeoutError && /within 150 ms/.test(error.message) && !leaks(error, SECRET),
      );
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 140 && elapsed < 1000, `timed out after ${elapsed} ms`);
    } finally {
      await server.close();
    }
  });

  test('a plain-http tokenUrl to a non-loopback host is refused before anything is sent', async () => {
    const auth = resolver('http://auth.example.com/token', { oauth: { clientId: 'a', clientSecret: SECRET } })(
      listPets,
    );
    await assert.rejects(applyAuth(auth, API_URL), (error: Error) =>
      /refusing to send client credentials over plain http to auth\.example\.com/.test(error.message),
    );
  });
});
