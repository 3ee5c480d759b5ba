/**
 * The runtime's side of `validate`, with a hand-written ApiDescriptor whose `responseSchemas`
 * loader counts its calls (the real ajv checker is exercised by
 * test/generator/emit/e2e-validation.test.ts): when the checker is loaded (never with 'off'; once
 * for a client family, also under concurrency), what a failed load or an uncompilable schema does,
 * and that non-JSON responses are not checked. Real loopback server throughout.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Client,
  ResponseValidationError,
  SdkError,
  type ResponseChecker,
  type ResponseSchemas,
} from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const track = cleanup();

/** A loader that counts, and a checker that requires `{ id: string }` on getPet. */
function countingSchemas(checker?: ResponseChecker): ResponseSchemas & { loads: number } {
  const schemas = {
    loads: 0,
    load: async () => {
      schemas.loads++;
      // A real load is an import: make it take a turn of the event loop, so concurrent calls overlap it.
      await new Promise((resolve) => setTimeout(resolve, 10));
      return (
        checker ??
        ((operationId: string, _status: number, body: unknown) =>
          operationId !== 'getPet'
            ? undefined
            : typeof (body as { id?: unknown }).id === 'string'
              ? []
              : [{ path: '/id', keyword: 'type', message: 'must be string' }])
      );
    },
  };
  return schemas;
}

function quietLogger(lines: string[] = []) {
  const push = (m: string) => void lines.push(m);
  return { lines, logger: { error: push, warn: push, info: () => {}, debug: () => {} } };
}

async function petServer(body: unknown, contentType = 'application/json') {
  return track.server(
    await startRawServer((_req, res) => {
      if (contentType === 'application/json') return sendJson(res, 200, body);
      res.writeHead(200, { 'content-type': contentType });
      res.end(String(body));
    }),
  );
}

describe('validate: loading the checker', () => {
  test("'off' never loads it, however many calls", async () => {
    const server = await petServer({ id: 7 });
    const schemas = countingSchemas();
    const client = track.client(
      new Client(testApi({ responseSchemas: schemas }), { baseUrl: server.origin, logLevel: 'off' }),
    );
    for (let i = 0; i < 5; i++)
      assert.deepEqual(await client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
    assert.equal(schemas.loads, 0);
  });

  test('loaded once for 20 concurrent calls and the clients derived with withOptions()', async () => {
    const server = await petServer({ id: 'p1' });
    const schemas = countingSchemas();
    const client = track.client(
      new Client(testApi({ responseSchemas: schemas }), {
        baseUrl: server.origin,
        validate: 'strict',
        logLevel: 'off',
      }),
    );
    const calls = Array.from({ length: 20 }, () => client.request(ops.getPet as OperationDescriptor, { petId: 'a' }));
    assert.equal((await Promise.all(calls)).length, 20);
    await client.withOptions({ validate: 'warn' }).request(ops.getPet as OperationDescriptor, { petId: 'a' });
    assert.equal(schemas.loads, 1);
  });

  test('a checker that cannot load (ajv missing) fails the call with an SdkError that says so', async () => {
    const server = await petServer({ id: 'p1' });
    const cause = new Error("Cannot find package 'ajv'");
    const client = track.client(
      new Client(testApi({ responseSchemas: { load: () => Promise.reject(cause) } }), {
        baseUrl: server.origin,
        validate: 'warn',
        logLevel: 'off',
      }),
    );
    await assert.rejects(client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), (e: unknown) => {
      assert.ok(e instanceof SdkError && !(e instanceof ResponseValidationError));
      assert.match(
        e.message,
        /could not load the response validator \(Cannot find package 'ajv'\); is the ajv package installed\?/,
      );
      assert.equal(e.cause, cause);
      return true;
    });
  });
});

describe('validate: what is checked', () => {
  test('a schema that does not compile is reported once and the data passes, in strict mode too', async () => {
    const server = await petServer({ id: 7 });
    const { lines, logger } = quietLogger();
    const broken: ResponseChecker = () => {
      throw new Error('pattern "([" is not a valid regular expression');
    };
    const client = track.client(
      new Client(testApi({ responseSchemas: countingSchemas(broken) }), {
        baseUrl: server.origin,
        validate: 'strict',
        logger,
      }),
    );
    assert.deepEqual(await client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
    assert.deepEqual(await client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
    assert.equal(lines.length, 1);
    assert.match(
      lines[0]!,
      /getPet: cannot validate 200 responses: the spec's schema does not compile \(pattern "\(\[" is not a valid regular expression\)/,
    );
  });

  test('an operation the checker has no schema for passes unchecked', async () => {
    const server = await petServer([{ id: 1 }]);
    const client = track.client(
      new Client(testApi({ responseSchemas: countingSchemas() }), {
        baseUrl: server.origin,
        validate: 'strict',
        logLevel: 'off',
      }),
    );
    assert.deepEqual(await client.request(ops.listPets as OperationDescriptor), [{ id: 1 }]);
  });

  test('only JSON bodies are checked: a text response does not even load the checker', async () => {
    const server = await petServer('plain words', 'text/plain');
    const schemas = countingSchemas();
    const textOp: OperationDescriptor = {
      ...(ops.getPet as OperationDescriptor),
      response: { success: [{ status: '200', kind: 'text', mediaType: 'text/plain' }], accept: 'text/plain' },
    };
    const client = track.client(
      new Client(testApi({ responseSchemas: schemas }), {
        baseUrl: server.origin,
        validate: 'strict',
        logLevel: 'off',
      }),
    );
    assert.equal(await client.request(textOp, { petId: 'a' }), 'plain words');
    assert.equal(schemas.loads, 0);
  });

  test('strict: the error carries the issues, capped, and the message quotes the first three', async () => {
    const server = await petServer({ id: 7 });
    const many: ResponseChecker = () =>
      Array.from({ length: 50 }, (_, i) => ({ path: `/items/${i}/id`, keyword: 'type', message: 'must be string' }));
    const client = track.client(
      new Client(testApi({ responseSchemas: countingSchemas(many) }), {
        baseUrl: server.origin,
        validate: 'strict',
        logLevel: 'off',
      }),
    );
    await assert.rejects(client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), (e: unknown) => {
      assert.ok(e instanceof ResponseValidationError);
      assert.equal(e.issues.length, 20);
      assert.match(
        e.message,
        /\/items\/0\/id must be string; \/items\/1\/id must be string; \/items\/2\/id must be string and 47 more$/,
      );
      return true;
    });
  });
});

describe('validate: env <PREFIX>_VALIDATE', () => {
  const VARIABLE = 'TESTAPI_VALIDATE';
  const withEnv = async (value: string, run: () => Promise<void>) => {
    const before = process.env[VARIABLE];
    process.env[VARIABLE] = value;
    try {
      await run();
    } finally {
      if (before === undefined) delete process.env[VARIABLE];
      else process.env[VARIABLE] = before;
    }
  };

  test('switches validation on without a code change; the option wins over it', async () => {
    const server = await petServer({ id: 7 });
    await withEnv('STRICT', async () => {
      const client = track.client(
        new Client(testApi({ responseSchemas: countingSchemas() }), { baseUrl: server.origin, logLevel: 'off' }),
      );
      await assert.rejects(client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), ResponseValidationError);
      const optedOut = track.client(
        new Client(testApi({ responseSchemas: countingSchemas() }), {
          baseUrl: server.origin,
          logLevel: 'off',
          validate: 'off',
        }),
      );
      assert.deepEqual(await optedOut.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
    });
  });

  test('never breaks a client: an unknown value, or an SDK without schemas, is one warning and off', async () => {
    const server = await petServer({ id: 7 });
    await withEnv('loud', async () => {
      const { lines, logger } = quietLogger();
      const client = track.client(
        new Client(testApi({ responseSchemas: countingSchemas() }), { baseUrl: server.origin, logger }),
      );
      assert.deepEqual(await client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
      assert.deepEqual(lines, [
        'TESTAPI_VALIDATE="loud" is not a validate mode (off, warn, strict); validation stays off',
      ]);
    });
    await withEnv('warn', async () => {
      const { lines, logger } = quietLogger();
      const client = track.client(new Client(testApi(), { baseUrl: server.origin, logger }));
      assert.deepEqual(await client.request(ops.getPet as OperationDescriptor, { petId: 'a' }), { id: 7 });
      assert.match(
        lines.join('\n'),
        /TESTAPI_VALIDATE=warn is ignored: this SDK was generated without response schemas/,
      );
      // An explicit option that cannot be honoured is a programming error, and throws.
      assert.throws(
        () => new Client(testApi(), { baseUrl: server.origin, validate: 'warn' }),
        /generated without them/,
      );
    });
  });
});
