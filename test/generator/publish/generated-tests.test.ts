/**
 * The generated packages' own `npm test`: built with tsc --strict and run with node --test, every
 * operation's test passes on each fixture; a wrong expectation fails (the checks are live); and
 * with <PREFIX>_TEST_BASE_URL the same calls go to a server on 127.0.0.1.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, TMP_ROOT } from '../emit/harness.js';
import { generate } from '../../../generator/generate.js';
import { REPO_ROOT } from '../cli/run-cli.js';

/** A generated suite on a loaded machine; node --test itself has no timeout per file. */
const NODE_TEST_TIMEOUT_MS = 120_000;

/** Each fixture and how many operations get a test (streaming ones do not). */
const FIXTURES = [
  { fixture: 'fixtures/petstore.yaml', name: 'petstore', tests: 5 },
  { fixture: 'fixtures/publish/examples.yaml', name: 'examples', tests: 3 },
  { fixture: 'fixtures/hostile.yaml', name: 'hostile', tests: 9 },
  { fixture: 'fixtures/swagger-2.0.yaml', name: 'swagger2', tests: 3 },
  { fixture: 'fixtures/api-3.1.json', name: 'api31', tests: 4 },
  { fixture: 'fixtures/link-paginated.yaml', name: 'linkpaged', tests: 3 },
  { fixture: 'fixtures/json-server.yaml', name: 'jsonserver', tests: 6 },
];

interface Run {
  readonly code: number;
  readonly tap: string;
}

function nodeTest(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // Without NODE_TEST_CONTEXT: inherited, it makes the child think it runs inside this test file.
  const { NODE_TEST_CONTEXT: _inherited, ...parent } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--test', '--test-reporter=tap', 'test/'],
      { cwd: dir, env: { ...parent, ...env }, timeout: NODE_TEST_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, tap: stdout + stderr });
      },
    );
  });
}

const count = (tap: string, what: string) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(tap)?.[1] ?? -1);
const built = new Map<string, string>();

describe('generated npm test', () => {
  for (const { fixture, name, tests } of FIXTURES) {
    test(`${fixture}: ${tests} tests, all passing`, async () => {
      // The whole pipeline (Swagger 2.0 upgraded, config defaults), into .tmp/ so undici resolves.
      const { outDir } = await generate({
        spec: join(REPO_ROOT, fixture),
        output: join(TMP_ROOT, `generated-tests-${name}`),
        check: false,
        allowRemoteRefs: false,
      });
      const result = compile(outDir);
      assert.equal(result.output.trim(), '', result.output);
      built.set(name, outDir);
      const run = await nodeTest(outDir);
      assert.equal(count(run.tap, 'tests'), tests, run.tap);
      assert.equal(count(run.tap, 'fail'), 0, run.tap);
      assert.equal(run.code, 0);
    });
  }

  test('a wrong expectation fails: the header, query and body checks are live', async () => {
    const outDir = built.get('examples');
    assert.ok(outDir, 'built by the examples case above');
    const casesFile = join(outDir, 'test/cases.json');
    const original = readFileSync(casesFile, 'utf8');
    after(() => writeFileSync(casesFile, original));
    const cases = JSON.parse(original) as {
      name: string;
      headers: Record<string, string>;
      query: Record<string, string>;
      body?: { json: Record<string, unknown> };
    }[];
    const create = cases.find((c) => c.name.startsWith('labels.create'))!;
    create.headers['x-trace'] = 'not-what-was-sent';
    const search = cases.find((c) => c.name.startsWith('labels.search'))!;
    search.body!.json.limit = 99;
    writeFileSync(casesFile, JSON.stringify(cases));
    const run = await nodeTest(outDir);
    assert.equal(count(run.tap, 'fail'), 2, run.tap);
    assert.match(run.tap, /header x-trace/);
    assert.match(run.tap, /the JSON body/);
  });

  test('<PREFIX>_TEST_BASE_URL sends the same calls to a server', async () => {
    const outDir = built.get('petstore');
    assert.ok(outDir);
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const list = req.method === 'GET' && /\/pets(\?|$)/.test(req.url!);
      res.writeHead(req.method === 'DELETE' ? 204 : 200, { 'content-type': 'application/json' });
      res.end(req.method === 'DELETE' ? undefined : list ? '[]' : '{}');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    after(() => server.close());
    const { port } = server.address() as AddressInfo;
    const run = await nodeTest(outDir, { PET_STORE_TEST_BASE_URL: `http://127.0.0.1:${port}/v1` });
    assert.equal(count(run.tap, 'pass'), 5, run.tap);
    assert.equal(seen.length, 5, 'every operation reached the server');
    assert.ok(
      seen.every((line) => / \/v1\//.test(line)),
      seen.join('\n'),
    );
  });
});
