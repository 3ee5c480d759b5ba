/**
 * Log scraping: one run through every auth scheme the runtime supports at logLevel 'debug', with
 * a 401 refresh, a retried 503, a same-origin redirect and a final error on the way. Every logger
 * call (all levels, every argument) and String / JSON / stack of every error is captured, then
 * searched for every secret the run used (passwords, tokens, keys, the OAuth2 client secret and
 * the tokens the token endpoint issued, HMAC signatures). runtime.md "Observability": a secret
 * never appears in a log line or an error.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { test } from 'node:test';
import { Client, SdkError, type Logger, type SignableRequest } from '../../../runtime/index.js';
import type { OperationDescriptor, SecuritySchemeDescriptor } from '../../../runtime/descriptor.js';
import { closedPort } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const track = cleanup();

const BASIC = { username: 'basic-user', password: 'basic-pass-Zq81' };
const DIGEST = { username: 'digest-user', password: 'digest-pass-Kx22' };
const BEARER = 'bearer-static-Tk33';
const PROVIDED = ['bearer-provided-first-Pv44', 'bearer-provided-fresh-Pv45'];
const KEYS = { header: 'key-header-Hd55', query: 'key-query-Qr66', cookie: 'key-cookie-Ck77' };
const OAUTH = { clientId: 'client-id-public', clientSecret: 'client-secret-Cs88' };
const SIGN_KEY = 'hmac-key-Sg99';
/** Retry-After-ms the server asks for: keeps the retried 503 fast. */
const RETRY_AFTER_MS = '5';

const schemes: Record<string, SecuritySchemeDescriptor> = {
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  bearerProvider: { type: 'http', scheme: 'bearer' },
  keyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  keyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
  keyCookie: { type: 'apiKey', in: 'cookie', name: 'session_key' },
  digest: { type: 'http', scheme: 'digest' },
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token' } } },
  signer: { type: 'apiKey', in: 'header', name: 'X-Signature' },
};

/** Schemes whose first authenticated attempt gets a 401, so the runtime refreshes the credential. */
const REFRESHED = new Set(['bearerProvider', 'oauth']);

function op(scheme: string, prefix: string): OperationDescriptor {
  return { ...ops.listPets, id: `${prefix}_${scheme}`, path: `/${prefix}/${scheme}`, security: [[scheme]] };
}

/** Every logger call at every level, every argument rendered as a log sink would. */
function capturingLogger(): Logger & { text(): string; calls: number } {
  const lines: string[] = [];
  const sink =
    (level: string) =>
    (message: string, ...rest: unknown[]) => {
      lines.push(
        `${level} ${[message, ...rest].map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 10 }))).join(' ')}`,
      );
    };
  return {
    error: sink('error'),
    warn: sink('warn'),
    info: sink('info'),
    debug: sink('debug'),
    text: () => lines.join('\n'),
    get calls() {
      return lines.length;
    },
  };
}

function errorText(error: unknown): string {
  const e = error as Error;
  return [String(e), JSON.stringify(e), e.stack ?? '', inspect(e, { depth: 10 })].join('\n');
}

function challenge(res: ServerResponse): void {
  sendJson(
    res,
    401,
    { message: 'digest required' },
    {
      'www-authenticate': 'Digest realm="scrape", qop="auth", algorithm=SHA-256, nonce="n0nce", opaque="op"',
    },
  );
}

test('no secret of any auth scheme reaches a log line or an error (debug, retries, redirect, errors)', async () => {
  const issued: string[] = [];
  const signatures: string[] = [];
  const hits = new Map<string, number>();
  const server = track.server(
    await startRawServer((req, res, seen) => {
      const path = seen.url.split('?')[0]!;
      if (path === '/token') {
        const token = `oauth-issued-${issued.length + 1}-At00`;
        issued.push(token);
        return sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      const [, prefix, scheme] = path.split('/');
      if (scheme === 'digest' && !/^Digest /i.test(String(req.headers.authorization ?? ''))) return challenge(res);
      if (prefix === 'e') return sendJson(res, 404, { message: 'no such thing' });
      if (prefix === 'final') return sendJson(res, 200, { ok: scheme });
      const hit = (hits.get(scheme!) ?? 0) + 1;
      hits.set(scheme!, hit);
      const steps = REFRESHED.has(scheme!) ? ['401', '503', '307'] : ['503', '307'];
      const step = steps[hit - 1];
      if (step === '401') return sendJson(res, 401, { message: 'expired' });
      if (step === '503') return sendJson(res, 503, { message: 'busy' }, { 'retry-after-ms': RETRY_AFTER_MS });
      if (step === '307') {
        res.writeHead(307, { location: `/final/${scheme}?page=2` }).end();
        return;
      }
      sendJson(res, 500, { message: `unexpected hit ${hit}` });
    }),
  );

  const logger = capturingLogger();
  let providerGeneration = 0;
  const auth = {
    basic: BASIC,
    bearer: BEARER,
    // A caching provider: hands out its current token until told to refresh.
    bearerProvider: ({ forceRefresh }: { forceRefresh: boolean }) => {
      if (forceRefresh) providerGeneration = 1;
      return PROVIDED[providerGeneration]!;
    },
    keyHeader: KEYS.header,
    keyQuery: KEYS.query,
    keyCookie: KEYS.cookie,
    digest: DIGEST,
    oauth: OAUTH,
    signer: {
      sign: (request: SignableRequest) => {
        const signature = createHmac('sha256', SIGN_KEY).update(`${request.method}\n${request.url}`).digest('hex');
        signatures.push(signature);
        request.headers['x-signature'] = signature;
      },
    },
  };
  const api = testApi({ securitySchemes: schemes });
  const client = track.client(
    new Client(api, { baseUrl: server.origin, logLevel: 'debug', logger, auth, retry: { maxRetries: 2 } }),
  );

  const errors: unknown[] = [];
  for (const scheme of Object.keys(schemes)) {
    assert.deepEqual(await client.request(op(scheme, 'ok'), { limit: 1 }), { ok: scheme }, scheme);
    await client.request(op(scheme, 'e'), {}).then(
      () => assert.fail(`${scheme}: the 404 should raise`),
      (error: unknown) => errors.push(error),
    );
  }
  // A connection error after retries, every credential attached (the query key in the URL too).
  const refused = client.withOptions({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: { maxRetries: 1 } });
  for (const scheme of ['keyQuery', 'basic', 'oauth']) {
    await refused.request(op(scheme, 'ok'), {}).then(
      () => assert.fail('a closed port should fail'),
      (error: unknown) => errors.push(error),
    );
  }

  // The run went where it was meant to: every scheme sent, refreshed, retried and redirected.
  assert.equal(issued.length, 2, 'one token, then a fresh one after the 401');
  assert.ok(signatures.length >= 3, 'signed every attempt');
  assert.equal(errors.length, Object.keys(schemes).length + 3);
  assert.ok(errors.every((e) => e instanceof SdkError));
  const sentAuth = server.requests
    .map((r) => `${r.url} ${r.headers.authorization ?? ''} ${r.headers['x-api-key'] ?? ''} ${r.headers.cookie ?? ''}`)
    .join('\n');
  for (const proof of [
    BEARER,
    PROVIDED[1]!,
    issued[1]!,
    KEYS.header,
    KEYS.query,
    KEYS.cookie,
    Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64'),
  ]) {
    assert.ok(sentAuth.includes(proof), `the server saw ${proof}`);
  }
  const logs = logger.text();
  assert.match(logs, /503/);
  assert.match(logs, /307/);
  assert.match(logs, /retrying/);
  assert.match(logs, /authorization[^,]*\*\*\*/i, 'debug lines show headers, redacted');
  assert.ok(logger.calls > 40, `debug logging was on (${logger.calls} calls)`);

  const secrets = [
    BASIC.password,
    Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64'),
    DIGEST.password,
    BEARER,
    ...PROVIDED,
    KEYS.header,
    KEYS.query,
    KEYS.cookie,
    OAUTH.clientSecret,
    Buffer.from(`${OAUTH.clientId}:${OAUTH.clientSecret}`).toString('base64'),
    ...issued,
    SIGN_KEY,
    ...signatures,
  ];
  const haystacks = [['logs', logs], ...errors.map((e, i) => [`error ${i}`, errorText(e)])] as const;
  const found: string[] = [];
  for (const secret of secrets) {
    for (const [where, text] of haystacks) if (text.includes(secret)) found.push(`${secret} in ${where}`);
  }
  assert.deepEqual(found, []);
});
