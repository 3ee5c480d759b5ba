/** Security selection (global vs operation, [], OR, AND), env fallbacks, rendering, insecure-http refusal. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApiDescriptor, OperationDescriptor } from '../../../runtime/descriptor.js';
import {
  applyAuth,
  createAuthResolver,
  envVarNames,
  resolveAuth,
  screamingSnake,
  secretNames,
  type AuthOption,
} from '../../../runtime/auth/index.js';
import { api, op } from '../support/descriptors.js';

const petstore: ApiDescriptor = api({
  securitySchemes: {
    api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    bearerAuth: { type: 'http', scheme: 'bearer' },
    basic: { type: 'http', scheme: 'basic' },
    queryKey: { type: 'apiKey', in: 'query', name: 'api key' },
    session: { type: 'apiKey', in: 'cookie', name: 'sid' },
    github: { type: 'http', scheme: 'bearer', env: 'GITHUB_TOKEN' },
    oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token' } } },
  },
  security: [['bearerAuth']],
});

const HTTPS = 'https://api.example.com/v1/pets';
const NO_ENV = {};

const names = (op_: OperationDescriptor, credentials: AuthOption | undefined, env = NO_ENV): string[] =>
  resolveAuth(op_, petstore, credentials, env).schemes.map((s) => s.name);

describe('selecting schemes', () => {
  test('the global security applies when the operation has none', () => {
    assert.deepEqual(names(op('/pets', []), { bearerAuth: 't', api_key: 'k' }), ['bearerAuth']);
  });
  test('operation-level security wins over the global one', () => {
    assert.deepEqual(names(op('/pets', [], { security: [['api_key']] }), { bearerAuth: 't', api_key: 'k' }), [
      'api_key',
    ]);
  });
  test('security: [] sends nothing even when credentials are configured', () => {
    const resolved = resolveAuth(op('/login', [], { security: [] }), petstore, { bearerAuth: 't' }, NO_ENV);
    assert.deepEqual(resolved.schemes, []);
    assert.equal(resolved.missing, undefined);
  });
  test('OR: the first alternative whose schemes are all configured', () => {
    const either = op('/pets', [], { security: [['api_key'], ['bearerAuth'], ['basic']] });
    assert.deepEqual(names(either, { bearerAuth: 't', basic: { username: 'u', password: 'p' } }), ['bearerAuth']);
    assert.deepEqual(names(either, { basic: { username: 'u', password: 'p' } }), ['basic']);
  });
  test('AND: every scheme of the requirement, or the requirement is skipped', () => {
    const both = op('/pets', [], { security: [['api_key', 'session'], ['bearerAuth']] });
    assert.deepEqual(names(both, { api_key: 'k', session: 's', bearerAuth: 't' }), ['api_key', 'session']);
    assert.deepEqual(names(both, { api_key: 'k', bearerAuth: 't' }), ['bearerAuth']);
  });
  test('optional auth ({}) still sends a configured credential, and nothing otherwise', () => {
    const optional = op('/pets', [], { security: [[], ['api_key']] });
    assert.deepEqual(names(optional, { api_key: 'k' }), ['api_key']);
    const none = resolveAuth(optional, petstore, {}, NO_ENV);
    assert.deepEqual(none.schemes, []);
    assert.equal(none.missing, undefined);
  });
  test('nothing configured: nothing sent, and a hint naming options and env vars', () => {
    const resolved = resolveAuth(op('/pets', [], { security: [['api_key'], ['basic']] }), petstore, {}, NO_ENV);
    assert.deepEqual(resolved.schemes, []);
    assert.equal(
      resolved.missing,
      'no credentials configured for this operation; set auth.api_key (or PETSTORE_API_KEY), or auth.basic (or PETSTORE_BASIC_USERNAME and PETSTORE_BASIC_PASSWORD, or PETSTORE_BASIC=user:password)',
    );
  });
  test('no global security and none on the operation: nothing', () => {
    assert.deepEqual(
      resolveAuth(op('/pets', []), api({ securitySchemes: petstore.securitySchemes }), { api_key: 'k' }, NO_ENV)
        .schemes,
      [],
    );
  });
});

describe('environment variables', () => {
  test('names: <PREFIX>_<SCREAMING_SNAKE>, _USERNAME/_PASSWORD for basic, explicit env wins', () => {
    assert.deepEqual(envVarNames(petstore, 'api_key'), ['PETSTORE_API_KEY']);
    assert.deepEqual(envVarNames(petstore, 'bearerAuth'), ['PETSTORE_BEARER_AUTH']);
    assert.deepEqual(envVarNames(petstore, 'basic'), [
      'PETSTORE_BASIC_USERNAME',
      'PETSTORE_BASIC_PASSWORD',
      'PETSTORE_BASIC',
    ]);
    assert.deepEqual(envVarNames(petstore, 'github'), ['GITHUB_TOKEN']);
    assert.equal(screamingSnake('APIKeyHeader'), 'API_KEY_HEADER');
    assert.equal(screamingSnake('petstore-auth.v2'), 'PETSTORE_AUTH_V2');
    assert.equal(screamingSnake('oauth2Token'), 'OAUTH2_TOKEN');
  });
  test('an unconfigured scheme reads its variable; the option wins over the environment', async () => {
    const env = { PETSTORE_BEARER_AUTH: 'from-env' };
    const fromEnv = resolveAuth(op('/pets', []), petstore, undefined, env);
    assert.deepEqual(fromEnv.schemes[0].source, { env: ['PETSTORE_BEARER_AUTH'] });
    assert.equal((await applyAuth(fromEnv, HTTPS)).headers.authorization, 'Bearer from-env');
    const fromOption = resolveAuth(op('/pets', []), petstore, { bearerAuth: 'opt' }, env);
    assert.equal((await applyAuth(fromOption, HTTPS)).headers.authorization, 'Bearer opt');
  });
  test('basic from _USERNAME/_PASSWORD; empty variables count as unset; null turns env off', async () => {
    const basicOp = op('/pets', [], { security: [['basic']] });
    const env = { PETSTORE_BASIC_USERNAME: 'ann', PETSTORE_BASIC_PASSWORD: 's3cr:t' };
    const parts = await applyAuth(resolveAuth(basicOp, petstore, {}, env), HTTPS);
    assert.equal(parts.headers.authorization, `Basic ${Buffer.from('ann:s3cr:t').toString('base64')}`);
    const combined = await applyAuth(resolveAuth(basicOp, petstore, {}, { PETSTORE_BASIC: 'bob:pa:ss' }), HTTPS);
    assert.equal(combined.headers.authorization, `Basic ${Buffer.from('bob:pa:ss').toString('base64')}`);
    assert.deepEqual(names(op('/pets', []), {}, { PETSTORE_BEARER_AUTH: '' }), []);
    assert.deepEqual(names(op('/pets', []), { bearerAuth: null }, { PETSTORE_BEARER_AUTH: 'x' }), []);
  });
  test('createAuthResolver reads the environment once and caches per operation', () => {
    const env: Record<string, string> = { PETSTORE_BEARER_AUTH: 'first' };
    const resolver = createAuthResolver(petstore, {}, env);
    const list = op('/pets', []);
    const first = resolver(list);
    env.PETSTORE_BEARER_AUTH = 'changed';
    assert.equal(resolver(list), first);
    assert.equal(first.schemes[0].credential, 'first');
  });
});

describe('rendering credentials', () => {
  test('apiKey in header, query (encoded) and cookie, together (AND)', async () => {
    const all = op('/pets', [], { security: [['api_key', 'queryKey', 'session']] });
    const parts = await applyAuth(
      resolveAuth(all, petstore, { api_key: 'k1', queryKey: 'a&b c', session: 'x;y' }, NO_ENV),
      HTTPS,
    );
    assert.deepEqual(parts.headers, { 'X-API-Key': 'k1' });
    assert.equal(parts.query, 'api%20key=a%26b%20c');
    assert.deepEqual(parts.cookies, [['sid', 'x%3By']]);
  });
  test('a bearer provider is called on every attempt (rotation), async or not', async () => {
    let calls = 0;
    const resolved = resolveAuth(op('/pets', []), petstore, { bearerAuth: async () => `tok${++calls}` }, NO_ENV);
    assert.equal((await applyAuth(resolved, HTTPS)).headers.authorization, 'Bearer tok1');
    assert.equal((await applyAuth(resolved, HTTPS)).headers.authorization, 'Bearer tok2');
    const sync = resolveAuth(op('/pets', []), petstore, { bearerAuth: () => 'plain' }, NO_ENV);
    assert.equal((await applyAuth(sync, HTTPS)).headers.authorization, 'Bearer plain');
  });
  test('a failing or empty provider is a clear SdkError with the cause kept', async () => {
    const boom = new Error('vault down');
    const failing = resolveAuth(op('/pets', []), petstore, { bearerAuth: () => Promise.reject(boom) }, NO_ENV);
    await assert.rejects(
      applyAuth(failing, HTTPS),
      (error: Error) => error.name === 'SdkError' && /provider failed/.test(error.message) && error.cause === boom,
    );
    const empty = resolveAuth(op('/pets', []), petstore, { bearerAuth: () => '' }, NO_ENV);
    await assert.rejects(applyAuth(empty, HTTPS), /returned an empty string/);
  });
  test('oauth2 with a token behaves like bearer', async () => {
    const oauthOp = op('/pets', [], { security: [['oauth']] });
    assert.equal(
      (await applyAuth(resolveAuth(oauthOp, petstore, { oauth: 'at' }, NO_ENV), HTTPS)).headers.authorization,
      'Bearer at',
    );
  });
  test('CR/LF in a credential is refused without echoing it', async () => {
    const resolved = resolveAuth(op('/pets', []), petstore, { bearerAuth: 'tok\r\nX-Evil: 1' }, NO_ENV);
    await assert.rejects(
      applyAuth(resolved, HTTPS),
      (error: Error) => /contains CR, LF, NUL/.test(error.message) && !error.message.includes('tok'),
    );
  });
  test('basic: a username with ":" is refused (RFC 7617)', async () => {
    const basicOp = op('/pets', [], { security: [['basic']] });
    await assert.rejects(
      applyAuth(resolveAuth(basicOp, petstore, { basic: { username: 'a:b', password: 'p' } }, NO_ENV), HTTPS),
      /cannot contain ':'/,
    );
  });
});

describe('plain http', () => {
  const resolved = resolveAuth(op('/pets', []), petstore, { bearerAuth: 'secret-token' }, NO_ENV);
  test('credentials over http to a remote host are refused before sending, without the secret', async () => {
    await assert.rejects(
      applyAuth(resolved, 'http://api.example.com/pets'),
      (error: Error) =>
        error.name === 'InvalidArgumentError' &&
        /plain http to api\.example\.com/.test(error.message) &&
        !error.message.includes('secret-token'),
    );
  });
  test('loopback hosts are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://[::1]:3000/x',
      'http://api.localhost/x',
      'http://127.10.0.1/x',
    ]) {
      assert.equal((await applyAuth(resolved, url)).headers.authorization, 'Bearer secret-token', url);
    }
  });
  test('allowInsecureAuth opts in; no credentials means no refusal', async () => {
    assert.equal(
      (await applyAuth(resolved, 'http://10.0.0.5/x', { allowInsecureAuth: true })).headers.authorization,
      'Bearer secret-token',
    );
    const none = resolveAuth(op('/login', [], { security: [] }), petstore, { bearerAuth: 't' }, NO_ENV);
    assert.deepEqual(await applyAuth(none, 'http://api.example.com/login'), { headers: {}, query: '', cookies: [] });
  });
});

describe('secretNames', () => {
  test('header (lower-case), query and cookie names the schemes use', () => {
    assert.deepEqual(secretNames(petstore), {
      headers: ['authorization', 'x-api-key'],
      query: ['api key'],
      cookies: ['sid'],
    });
  });
});

describe('appendAuthQuery', () => {
  test('appends, replacing a key the URL already carries (next-page links echo the query)', async () => {
    const { appendAuthQuery } = await import('../../../runtime/auth/index.js');
    assert.equal(appendAuthQuery('https://h/p', 'key=k'), 'https://h/p?key=k');
    assert.equal(appendAuthQuery('https://h/p?page=2&key=old&x', 'key=k'), 'https://h/p?page=2&x&key=k');
    assert.equal(appendAuthQuery('https://h/p?a=1#frag', 'key=k'), 'https://h/p?a=1&key=k');
    assert.equal(appendAuthQuery('https://h/p?a=1', ''), 'https://h/p?a=1');
  });
});
