/**
 * A publisher's package survives regeneration: the hooks file and `preserve:` paths stay
 * byte-identical, generated files edited by hand are restored, `--check` ignores what is preserved,
 * and the user's hooks run (typed) in the built SDK against a server on 127.0.0.1.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, runCli, scratchDir } from '../cli/run-cli.js';
import { compile } from '../emit/harness.js';

const scratch = scratchDir('publish-round-trip');
after(() => scratch.cleanup());
const out = join(scratch.path, 'sdk');
const config = join(scratch.path, 'sdkgen.config.yaml');

/** The user's hooks: a header on every request, and a record of what failed. */
const CUSTOM_HOOKS = `import type { SdkHooks } from "./hook-middleware.js";

export const failures: string[] = [];

export const hooks: SdkHooks = {
  beforeRequest(request) {
    request.headers["x-from-hooks"] = request.operationId;
  },
  onError({ request, response }) {
    failures.push(\`\${request.operationId}:\${response?.status ?? "no response"}\`);
  },
};
`;
const CUSTOM_FILES: Record<string, string> = {
  'src/hooks.ts': CUSTOM_HOOKS,
  'src/custom/retry-budget.ts': 'export const RETRY_BUDGET = 3;\n',
  'README.md': '# Our Pet Store SDK\n\nHand-written docs.\n',
  'notes/release.md': 'not generated, not preserved: carried over as any user file\n',
};

/** A typed consumer: what must compile and what must not. */
const TYPE_TEST = `import type { SdkHooks, OperationId } from "./hook-middleware.js";
const ok: SdkHooks = { afterResponse(response, request) { void request.operationId; return response; } };
const id: OperationId = "listPets";
// @ts-expect-error an operationId the API does not have
const wrong: OperationId = "listPetz";
// @ts-expect-error onError receives one failure object, not a status
const bad: SdkHooks = { onError(status: number) { void status; } };
export { ok, id, wrong, bad };
`;

interface PetStoreLike {
  pets: { get(p: object): Promise<{ name: string }> };
  withOptions(options: object): PetStoreLike;
  close(): Promise<void>;
}

describe('regenerating over a customised package', () => {
  before(() => {
    writeFileSync(
      config,
      `spec: ${join(REPO_ROOT, 'fixtures/petstore.yaml')}\noutput: ./sdk\npreserve:\n  - src/custom/**\n  - README.md\n`,
    );
  });

  test('custom files byte-identical, generated files restored, --check ignores preserved paths', async () => {
    const first = await runCli(['generate', '-c', config]);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(existsSync(join(out, 'src/hooks.ts')), 'the hooks file is created on the first run');
    const manifest = JSON.parse(readFileSync(join(out, '.sdkgen-manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    assert.ok(
      !('src/hooks.ts' in manifest.files) && !('README.md' in manifest.files),
      'user-owned files are not in the manifest',
    );
    const pristineClient = readFileSync(join(out, 'src/client.ts'), 'utf8');

    for (const [path, text] of Object.entries(CUSTOM_FILES)) {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    writeFileSync(join(out, 'src/client.ts'), pristineClient + '// edited by hand\n');

    const check = await runCli(['generate', '-c', config, '--check']);
    assert.equal(check.code, 1, 'the edited generated file is drift');
    assert.match(check.stderr, /changed +.*src\/client\.ts/);
    assert.doesNotMatch(check.stderr, /README\.md|hooks\.ts|custom/, 'preserved and user-owned files are not drift');

    const again = await runCli(['generate', '-c', config]);
    assert.equal(again.code, 0, again.stderr);
    for (const [path, text] of Object.entries(CUSTOM_FILES))
      assert.equal(readFileSync(join(out, path), 'utf8'), text, `${path} survived byte for byte`);
    assert.equal(readFileSync(join(out, 'src/client.ts'), 'utf8'), pristineClient, 'a generated file is restored');
    assert.equal((await runCli(['generate', '-c', config, '--check'])).code, 0);
  });

  test('the hooks are typed and run in the built SDK', async () => {
    writeFileSync(join(out, 'src/hooks-type-test.ts'), TYPE_TEST);
    const built = compile(out);
    assert.equal(
      built.output.trim(),
      '',
      'the package with its hooks builds under --strict, and the @ts-expect-error lines are errors',
    );
    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(String(req.headers['x-from-hooks']));
      const missing = req.url!.includes('no-such-pet');
      res.writeHead(missing ? 404 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          missing ? { message: 'not found' } : { id: 'p1', name: 'Rex', createdAt: '2024-01-01T00:00:00Z' },
        ),
      );
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const sdk = (await import(pathToFileURL(join(out, 'dist/index.node.js')).href)) as {
        PetStore: new (options: object) => PetStoreLike;
      };
      const { failures } = (await import(pathToFileURL(join(out, 'dist/hooks.js')).href)) as { failures: string[] };
      const store = new sdk.PetStore({
        baseUrl: `http://127.0.0.1:${port}/v1`,
        auth: { bearerAuth: 'test' },
        retry: { maxRetries: 0 },
      });
      assert.equal((await store.pets.get({ petId: 'p1' })).name, 'Rex');
      await assert.rejects(store.pets.get({ petId: 'no-such-pet' }), (error: Error) => error.name === 'NotFoundError');
      const derived = store.withOptions({ timeout: { read: 5_000 } });
      await assert.rejects(
        derived.pets.get({ petId: 'no-such-pet' }),
        (error: Error) => error.name === 'NotFoundError',
      );
      await store.close();
      assert.deepEqual(seen, ['getPet', 'getPet', 'getPet'], 'beforeRequest set the header on every request');
      assert.deepEqual(
        failures,
        ['getPet:404', 'getPet:404'],
        'onError saw each 404 once, a withOptions() client included',
      );
    } finally {
      server.close();
    }
  });
});
