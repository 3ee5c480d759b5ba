/**
 * Code generation from untrusted specs, through the real CLI (a child process, as users run it):
 *
 * - remote $refs are never fetched without --allow-remote-refs (a loopback server proves it: 0 hits);
 * - YAML alias bombs are refused in bounded time and memory, wherever they hide;
 * - a spec whose every string is an injection payload (petstore-security-test style) generates an
 *   SDK that builds under strict, imports and runs without executing any spec string, and whose
 *   runtime refuses to put a CR/LF-carrying header name from the spec on the wire.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, scratchDir, STACK_LINE } from '../generator/cli/run-cli.js';
import { typecheckPackage } from '../../scripts/corpus/typecheck.js';

const SPECS = 'test/security/specs';
const scratch = scratchDir('security');
after(() => scratch.cleanup());

/** A loopback server that would serve any $ref target, and counts who asked. */
let refServer: http.Server;
let refHits = 0;
let refBase = '';
before(async () => {
  refServer = http.createServer((_req, res) => {
    refHits++;
    res.writeHead(200, { 'content-type': 'application/yaml' }).end('Pet:\n  type: object\n');
  });
  await new Promise<void>((resolve) => refServer.listen(0, '127.0.0.1', resolve));
  refBase = `http://127.0.0.1:${(refServer.address() as AddressInfo).port}`;
});
after(async () => {
  refServer.closeAllConnections();
  await new Promise<void>((resolve) => refServer.close(() => resolve()));
});

function assertRefused(run: { code: number; stdout: string; stderr: string }, says: RegExp, out: string): void {
  assert.equal(run.code, 2, `exit 2 (bad input):\n${run.stderr}`);
  assert.match(run.stderr, /^error: /);
  assert.match(run.stderr, says);
  assert.doesNotMatch(run.stderr, STACK_LINE, 'no stack trace');
  assert.equal(existsSync(out), false, 'nothing written');
}

const pets = (schema: string): string => `openapi: 3.0.3
info: {title: Remote, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                ${schema}
`;

describe('remote $ref: never fetched by default', { concurrency: 3 }, () => {
  const cases: Array<[string, (base: string) => Record<string, string>, RegExp?]> = [
    ['a schema $ref to http://127.0.0.1', (base) => ({ 'openapi.yaml': pets(`$ref: '${base}/pet.yaml#/Pet'`) })],
    [
      'a path item $ref to http://127.0.0.1',
      (base) => ({
        'openapi.yaml': `openapi: 3.0.3\ninfo: {title: Remote, version: 1.0.0}\npaths:\n  /pets:\n    $ref: '${base}/paths.yaml#/pets'\n`,
      }),
    ],
    [
      'a remote $ref inside a local file the root references',
      (base) => ({
        'openapi.yaml': pets(`$ref: './local.yaml#/Pet'`),
        'local.yaml': `Pet:\n  type: object\n  properties:\n    owner:\n      $ref: '${base}/owner.yaml#/Owner'\n`,
      }),
    ],
    // Read as a local path (and not found): still no request.
    [
      'a protocol-relative $ref (//127.0.0.1)',
      (base) => ({ 'openapi.yaml': pets(`$ref: '${base.replace('http:', '')}/pet.yaml#/Pet'`) }),
      /\$ref reaches \/127\.0\.0\.1:\d+\/pet\.yaml, outside the folder specs may read/,
    ],
  ];
  for (const [name, files, says] of cases) {
    test(`${name} -> exit 2, ${says ? 'refused' : 'names the URL and --allow-remote-refs'}, 0 requests`, async () => {
      const dir = join(scratch.path, name.replace(/\W+/g, '_'));
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(files(refBase))) writeFileSync(join(dir, file), text);
      const before = refHits;
      const out = join(dir, 'out');
      const run = await runCli(['generate', join(dir, 'openapi.yaml'), '-o', out]);
      assertRefused(run, says ?? /remote \$ref "[^"]*127\.0\.0\.1[^"]*" is not fetched by default/, out);
      if (says === undefined) assert.match(run.stderr, /--allow-remote-refs/);
      assert.equal(refHits, before, 'the generator made no request');
    });
  }
});

describe('YAML alias bombs: refused in bounded time, wherever they hide', { concurrency: 2 }, () => {
  for (const [spec, at] of [
    [`${SPECS}/alias-bomb-in-example.yaml`, `${SPECS}/alias-bomb-in-example.yaml:`],
    [`${SPECS}/alias-bomb-external/openapi.yaml`, `${SPECS}/alias-bomb-external/schemas.yaml:`],
  ] as const) {
    test(`${spec} -> exit 2 "aliases expand too much", located, nothing written`, async () => {
      const out = join(scratch.path, spec.replace(/\W+/g, '_'));
      const started = performance.now();
      const run = await runCli(['generate', spec, '-o', out]);
      const ms = performance.now() - started;
      assertRefused(run, /YAML aliases expand too much/, out);
      assert.ok(run.stderr.includes(`  at ${at}`), `located in the file holding the bomb:\n${run.stderr}`);
      // Expanding 10^9 strings would take minutes and gigabytes; the refusal is a CLI start-up away.
      assert.ok(ms < 30_000, `refused in ${ms.toFixed(0)} ms`);
    });
  }
});

describe('a spec whose every string is an injection payload', () => {
  const out = join(scratch.path, 'injection');
  const pwned = (): unknown => (globalThis as { __pwned?: unknown }).__pwned;

  test('generates (exit 0), builds under strict, imports and constructs without running a spec string', async () => {
    const run = await runCli(['generate', `${SPECS}/injection.yaml`, '-o', out]);
    assert.equal(run.code, 0, run.stderr);

    const checked = typecheckPackage(out);
    assert.deepEqual(checked.diagnostics, [], 'tsc errors in the generated package');

    assert.equal(pwned(), undefined);
    const sdk = (await import(pathToFileURL(join(out, 'src/index.node.ts')).href)) as Record<string, unknown>;
    const ClientClass = Object.values(sdk).find(
      (value): value is new (options: object) => { close(): Promise<void> } =>
        typeof value === 'function' && /^class \S+ extends Client\b/.test(Function.prototype.toString.call(value)),
    );
    assert.ok(ClientClass, 'the package exports its client class');
    const client = new ClientClass({ baseUrl: 'http://127.0.0.1:1' });
    await client.close();
    assert.equal(pwned(), undefined, 'a spec string ran as code');
  });

  test('calling it: payload strings travel as data; a header name with CR/LF from the spec is refused, 0 requests', async () => {
    const requests: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];
    const server = http.createServer((req, res) => {
      requests.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"return": 1}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const sdk = (await import(pathToFileURL(join(out, 'src/index.node.ts')).href)) as Record<string, unknown>;
      const ClientClass = Object.values(sdk).find(
        (
          value,
        ): value is new (
          options: object,
        ) => Record<string, unknown> & { close(): Promise<void>; request: Function } =>
          typeof value === 'function' && /^class \S+ extends Client\b/.test(Function.prototype.toString.call(value)),
      )!;
      const operations = (await import(pathToFileURL(join(out, 'src/operations.ts')).href)) as {
        operations: Record<string, { id: string; method: string; params: Array<{ name: string }> }>;
      };
      const ops = Object.values(operations.operations);
      const put = ops.find((op) => op.method === 'PUT')!;
      const get = ops.find((op) => op.method === 'GET')!;
      const queryName = put.params.find((p) => p.name.startsWith('test code inject'))!.name;
      const runtime = (await import(pathToFileURL(join(out, 'src/runtime/index.ts')).href)) as {
        SdkError: new (...args: never[]) => Error;
      };

      // The api_key scheme's header name carries CR/LF: with a key configured, nothing is sent.
      const keyed = new ClientClass({ baseUrl, logLevel: 'off', auth: { api_key: 'k' }, retry: { maxRetries: 0 } });
      const refused = await keyed.request(put, { [queryName]: 'v' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await keyed.close();
      assert.ok(refused instanceof runtime.SdkError, `refused with an SdkError: ${String(refused)}`);
      assert.equal(requests.length, 0, 'nothing reached the server');

      // Without credentials, the payloads are data: percent-encoded in the query and the path.
      const anonymous = new ClientClass({ baseUrl, logLevel: 'off', retry: { maxRetries: 0 } });
      await anonymous.request(put, { [queryName]: queryName, 'X-Trace': 'plain' });
      await anonymous.request(get, { id: `../${queryName}` });
      await anonymous.close();
      assert.equal(requests.length, 2);
      for (const { url } of requests)
        assert.match(url, /^\/fake[\x21-\x7e]*$/, `only printable ASCII on the request line: ${url}`);
      assert.ok(requests[1]!.url.startsWith("/fake/*/'%22=end--/..%2F"), requests[1]!.url);
      assert.equal(pwned(), undefined);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
