/**
 * Two separately generated SDKs in one process (each vendors its own src/runtime/errors.ts, so
 * each has its own NotFoundError class) catch each other's errors by class: the Symbol.for brand
 * of runtime/errors.ts, checked by Symbol.hasInstance.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../../../generator/generate.js';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const OUT = join(REPO, '.tmp', 'cross-sdk-errors');

type ErrorClass = abstract new (...args: never[]) => Error;
interface Sdk {
  readonly module: Record<string, unknown>;
  readonly client: {
    pets: { get(params: { petId: string }, options?: object): Promise<unknown> };
    close(): Promise<void>;
  };
  cls(name: string): ErrorClass;
}

async function generateSdk(name: string, clientName: string, baseUrl: string): Promise<Sdk> {
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'sdkgen.config.yaml');
  writeFileSync(
    config,
    `spec: ${join(REPO, 'fixtures/petstore.yaml')}\npackage: { name: ${name}, version: 1.0.0 }\nclient: { name: ${clientName} }\n`,
  );
  await generate({ config, output: join(dir, 'sdk'), check: false, allowRemoteRefs: false, cwd: dir });
  const module = (await import(pathToFileURL(join(dir, 'sdk/src/index.node.ts')).href)) as Record<string, unknown>;
  const Client = module[clientName] as new (options: object) => Sdk['client'];
  const client = new Client({ baseUrl, retry: { maxRetries: 0 }, logLevel: 'off', auth: { bearerAuth: 't' } });
  return { module, client, cls: (cls) => module[cls] as ErrorClass };
}

/** instanceof without TypeScript narrowing the value between the checks. */
function isA(value: unknown, cls: ErrorClass): boolean {
  return value instanceof cls;
}

describe('errors across two generated SDKs', () => {
  let server: http.Server;
  let alpha: Sdk;
  let beta: Sdk;

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url?.includes('slow')) return; // never answers: a read timeout
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"no such pet"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    rmSync(OUT, { recursive: true, force: true });
    alpha = await generateSdk('sdk-alpha', 'AlphaStore', base);
    beta = await generateSdk('sdk-beta', 'BetaStore', base);
  });

  after(async () => {
    await alpha?.client.close();
    await beta?.client.close();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('the two SDKs really have distinct error classes', () => {
    assert.notEqual(alpha.cls('NotFoundError'), beta.cls('NotFoundError'));
    assert.notEqual(alpha.cls('SdkError'), beta.cls('SdkError'));
  });

  it("a 404 from one SDK is the other's NotFoundError, ApiError and SdkError, and not its other classes", async () => {
    for (const [from, to] of [
      [alpha, beta],
      [beta, alpha],
    ] as const) {
      const error = await from.client.pets.get({ petId: 'missing' }).then(
        () => assert.fail('expected a 404'),
        (e: unknown) => e as object,
      );
      assert.ok(isA(error, to.cls('NotFoundError')));
      assert.ok(isA(error, to.cls('ApiError')));
      assert.ok(isA(error, to.cls('SdkError')));
      assert.ok(!isA(error, to.cls('RateLimitError')));
      assert.ok(!isA(error, to.cls('TimeoutError')));
      assert.equal((error as { code: string }).code, 'SDK_ERR_NOT_FOUND');
    }
  });

  it("a read timeout from one SDK is the other's ReadTimeoutError and TimeoutError, not an ApiError", async () => {
    const error = await alpha.client.pets.get({ petId: 'slow' }, { timeout: { read: 200 } }).then(
      () => assert.fail('expected a timeout'),
      (e: unknown) => e as object,
    );
    assert.ok(isA(error, beta.cls('ReadTimeoutError')));
    assert.ok(isA(error, beta.cls('TimeoutError')));
    assert.ok(!isA(error, beta.cls('ApiError')));
    assert.equal((error as { code: string }).code, 'SDK_ERR_READ_TIMEOUT');
  });
});
