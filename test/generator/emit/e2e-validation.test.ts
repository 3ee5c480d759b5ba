/**
 * Response validation end to end: fixtures/validation.yaml generated with
 * `validation: { responses: true }`, compiled with tsc, against a node:http server on 127.0.0.1.
 * The vendored ajv checker and the converted OpenAPI 3.0 schemas decide; nothing is mocked.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, generateFixture } from './harness.js';
import { startRawServer, sendJson, type RawServer } from '../../runtime/support/raw-server.js';

/** A value that must never show up in a message, a log line or the error's printed form. */
const SECRET = 'sk_live_validation_secret_51HxYz';

const VALID = {
  id: 'a1',
  name: 'Rex',
  status: 'available',
  nickname: null,
  mood: null,
  owner: null,
  // Matches both oneOf members: fine, because the SDK types oneOf as a union.
  keeper: { name: 'Ann' },
};

/** Bodies by animal id. */
const BODIES: Record<string, unknown> = {
  valid: VALID,
  'valid-owner': { ...VALID, owner: { name: 'Bo' }, mood: 'calm' },
  'unknown-enum': { ...VALID, status: 'fostered' },
  // id of the wrong type, name missing, and a secret where a string is expected to be an object.
  broken: { ...VALID, id: 42, name: undefined, owner: SECRET },
};

interface Logged {
  level: string;
  message: string;
}

type ShelterModule = {
  Shelter: new (options: object) => ShelterClient;
  ResponseValidationError: new (...args: never[]) => Error;
  SdkError: new (...args: never[]) => Error;
};
interface ShelterClient {
  animals: {
    get(
      p: { animalId: string },
      options?: object,
    ): Promise<Record<string, unknown>> & { asResponse(): Promise<{ status: number }> };
    list(p?: object, options?: object): AsyncIterable<Record<string, unknown>>;
  };
  withOptions(options: object): ShelterClient;
  stats(): Record<string, { calls: number; schemaMismatches: number }>;
  close(): Promise<void>;
}

function capture(): { logger: Record<string, (m: string) => void>; lines: Logged[] } {
  const lines: Logged[] = [];
  const at = (level: string) => (message: string) => void lines.push({ level, message: String(message) });
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
}

describe('e2e: response validation (validate off | warn | strict)', () => {
  let sdk: ShelterModule;
  let withoutSchemas: ShelterModule;
  let server: RawServer;
  const clients: ShelterClient[] = [];
  const client = (options: object): ShelterClient => {
    const c = new sdk.Shelter({ baseUrl: server.origin, retry: { maxRetries: 0 }, ...options });
    clients.push(c);
    return c;
  };

  before(async () => {
    const withSchemas = await generateFixture('fixtures/validation.yaml', 'e2e-validation', {
      validateResponses: true,
      client: { name: 'Shelter' },
    });
    const plain = await generateFixture('fixtures/validation.yaml', 'e2e-validation-plain', {
      client: { name: 'Shelter' },
    });
    assert.ok(withSchemas.files.has('src/validation/schemas.ts'));
    assert.ok(!plain.files.has('src/validation/schemas.ts'), 'no schemas unless asked for');
    assert.match(withSchemas.files.get('package.json')!, /"ajv": "\^8/);
    assert.doesNotMatch(plain.files.get('package.json')!, /ajv/);
    for (const outDir of [withSchemas.outDir, plain.outDir]) assert.equal(compile(outDir).output.trim(), '');
    sdk = (await import(pathToFileURL(join(withSchemas.outDir, 'dist/index.node.js')).href)) as ShelterModule;
    withoutSchemas = (await import(pathToFileURL(join(plain.outDir, 'dist/index.node.js')).href)) as ShelterModule;
    server = await startRawServer((req, res) => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      const one = /^\/animals\/([^/]+)$/.exec(url.pathname);
      if (one) return sendJson(res, 200, BODIES[decodeURIComponent(one[1]!)], { 'x-request-id': 'req-7' });
      if (url.pathname === '/animals') {
        const page = Number(url.searchParams.get('page') ?? '1');
        // Page 2 carries one item of the wrong shape.
        const items =
          page === 1
            ? [VALID, { ...VALID, id: 'a2' }]
            : [
                { ...VALID, id: 'a3' },
                { ...VALID, id: 4 },
              ];
        const link: Record<string, string> =
          page === 1 ? { link: `<${server.origin}/animals?page=2>; rel="next"` } : {};
        return sendJson(res, 200, items, link);
      }
      sendJson(res, 404, { message: 'no route' });
    });
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.close();
  });

  test('off (the default): a broken body comes back as sent, nothing logged', async () => {
    const { logger, lines } = capture();
    const body = await client({ logger, logLevel: 'debug' }).animals.get({ animalId: 'broken' });
    assert.equal(body.id, 42);
    assert.deepEqual(
      lines.filter((l) => l.message.includes('schema')),
      [],
    );
  });

  test('strict: valid bodies pass: 3.0 nullable (plain, enum, $ref), overlapping oneOf, writeOnly required, 2XX', async () => {
    const c = client({ validate: 'strict' });
    assert.deepEqual(await c.animals.get({ animalId: 'valid' }), VALID);
    assert.equal((await c.animals.get({ animalId: 'valid-owner' })).mood, 'calm');
  });

  test('strict: a broken body raises ResponseValidationError with paths and keywords, never the values', async () => {
    const c = client({ validate: 'strict' });
    const error = await c.animals.get({ animalId: 'broken' }).then(
      () => assert.fail('expected ResponseValidationError'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof sdk.ResponseValidationError);
    assert.ok(error instanceof sdk.SdkError);
    const e = error as Error & {
      issues: { path: string; keyword: string; message: string }[];
      operationId: string;
      status: number;
      requestId: string;
      body: unknown;
      method: string;
      url: string;
    };
    assert.equal(e.operationId, 'getAnimal');
    assert.equal(e.status, 200);
    assert.equal(e.requestId, 'req-7');
    assert.equal(e.method, 'GET');
    assert.equal(e.url, `${server.origin}/animals/broken`);
    const seen = e.issues.map((i) => `${i.path} ${i.keyword}`);
    assert.ok(seen.includes('/id type'), seen.join(', '));
    assert.ok(seen.includes(' required'), seen.join(', '));
    assert.ok(seen.includes('/owner type'), seen.join(', '));
    assert.match(e.message, /getAnimal returned a 200 body that does not match the spec's schema/);
    // The body is there for the caller, but not printed with the error.
    assert.equal((e.body as { owner: string }).owner, SECRET);
    for (const shown of [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 5 }), e.stack ?? ''])
      assert.ok(!shown.includes(SECRET), shown);
  });

  test('strict: a value outside an enum fails; warn lets it through without a word', async () => {
    await assert.rejects(client({ validate: 'strict' }).animals.get({ animalId: 'unknown-enum' }), (e: unknown) => {
      assert.ok(e instanceof sdk.ResponseValidationError);
      assert.deepEqual(
        (e as unknown as { issues: { path: string; keyword: string }[] }).issues.map((i) => `${i.path} ${i.keyword}`),
        ['/status enum'],
      );
      return true;
    });
    const { logger, lines } = capture();
    const warnClient = client({ validate: 'warn', logger, logLevel: 'debug' });
    const body = await warnClient.animals.get({ animalId: 'unknown-enum' });
    assert.equal(body.status, 'fostered');
    assert.equal(warnClient.stats().getAnimal!.schemaMismatches, 0);
    assert.deepEqual(
      lines.filter((l) => l.message.includes('schema')),
      [],
    );
  });

  test('warn: the data comes back; the first mismatch per operation and status is a warning, later ones debug', async () => {
    const { logger, lines } = capture();
    const c = client({ validate: 'warn', logger, logLevel: 'debug' });
    assert.equal((await c.animals.get({ animalId: 'broken' })).id, 42);
    assert.equal((await c.animals.get({ animalId: 'broken' })).id, 42);
    const mismatches = lines.filter((l) => l.message.includes("does not match the spec's schema"));
    assert.deepEqual(
      mismatches.map((l) => l.level),
      ['warn', 'debug'],
    );
    assert.equal(c.stats().getAnimal!.schemaMismatches, 2, 'client.stats() counts every mismatch');
    assert.match(mismatches[0]!.message, /getAnimal: 200 body .* \/id must be string/);
    assert.match(mismatches[0]!.message, /request id req-7/);
    for (const line of lines) assert.ok(!line.message.includes(SECRET), line.message);
  });

  test('a call can turn validation on (or off) for itself', async () => {
    const off = client({});
    await assert.rejects(off.animals.get({ animalId: 'broken' }, { validate: 'strict' }), sdk.ResponseValidationError);
    const strict = client({ validate: 'strict' });
    assert.equal((await strict.animals.get({ animalId: 'broken' }, { validate: 'off' })).id, 42);
    // asResponse() never parses, so it never validates.
    assert.equal((await strict.animals.get({ animalId: 'broken' }).asResponse()).status, 200);
    // withOptions() derives a validating client from a plain one.
    await assert.rejects(
      off.withOptions({ validate: 'strict' }).animals.get({ animalId: 'broken' }),
      sdk.ResponseValidationError,
    );
  });

  test('strict pagination checks every page: iteration stops at the page that breaks the schema', async () => {
    const seen: unknown[] = [];
    await assert.rejects(
      (async () => {
        for await (const animal of client({ validate: 'strict' }).animals.list()) seen.push(animal.id);
      })(),
      (e: unknown) => {
        assert.ok(e instanceof sdk.ResponseValidationError);
        assert.deepEqual(
          (e as unknown as { issues: { path: string }[] }).issues.map((i) => i.path),
          ['/1/id'],
        );
        return true;
      },
    );
    assert.deepEqual(seen, ['a1', 'a2']);
  });

  test('an SDK generated without schemas refuses validate at construction, saying how to get them', () => {
    assert.throws(
      () => new withoutSchemas.Shelter({ baseUrl: server.origin, validate: 'warn' }),
      (e: unknown) =>
        e instanceof withoutSchemas.SdkError &&
        /generated without them.*validation: \{ responses: true \}/.test((e as Error).message),
    );
    assert.throws(() => client({ validate: 'loud' }), /validate must be one of 'off', 'warn', 'strict'; got "loud"/);
  });
});
