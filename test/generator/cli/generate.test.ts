import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT, STACK_LINE, runCli, scratchDir, tree } from './run-cli.js';

const scratch = scratchDir('generate');
after(() => scratch.cleanup());

describe('sdkgen CLI: commands and flags', { concurrency: 2 }, () => {
  test('--help lists the commands; generate --help lists options and exit codes', async () => {
    const main = await runCli(['--help']);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /sdkgen generate \[spec\]/);
    const generate = await runCli(['generate', '--help']);
    assert.equal(generate.code, 0);
    for (const flag of ['--output', '--config', '--check', '--json', '--allow-remote-refs', '--quiet'])
      assert.ok(generate.stdout.includes(flag), flag);
    assert.match(generate.stdout, /^ {2}3 {2}internal error/m);
  });

  test('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `sdkgen ${version}\n`);
  });

  test('an unknown flag exits 2 with a hint', async () => {
    const run = await runCli(['generate', 'fixtures/petstore.yaml', '--chek']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: unknown option --chek\n  fix: did you mean --check?\n');
  });

  test('an unknown command exits 2 with a hint; no command prints usage', async () => {
    const unknown = await runCli(['genrate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: unknown command "genrate"\n {2}fix: did you mean generate\?\n$/);
    const none = await runCli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage:/);
  });
});

describe('sdkgen generate on fixtures/petstore.yaml', () => {
  test('generates, and a second run gives identical bytes', async () => {
    const first = join(scratch.path, 'first');
    const second = join(scratch.path, 'second');
    const [a, b] = await Promise.all([
      runCli(['generate', 'fixtures/petstore.yaml', '-o', first]),
      runCli(['generate', 'fixtures/petstore.yaml', '-o', second]),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(a.stdout, /^wrote \d+ files to .*first: 5 operations, 2 resources, \d+ ms\n$/);
    assert.doesNotMatch(a.stderr + b.stderr, STACK_LINE);
    const treeA = tree(first);
    assert.ok(Object.keys(treeA).length > 5);
    assert.deepEqual(treeA, tree(second));
    assert.doesNotMatch(
      Object.values(treeA).join('\n'),
      new RegExp(REPO_ROOT.replace(/[/\\]/g, '.')),
      'no absolute paths in output',
    );
  });

  // The check sequence imports the runtime as a package instead of vendoring it, so it does not
  // depend on runtime/ staying byte-identical between runs while others edit it.
  const checked = join(scratch.path, 'checked');
  const config = join(checked, 'sdkgen.config.yaml');
  const out = join(checked, 'out');

  test('--check: exit 0 when up to date, exit 1 naming the edited file; --json lists the drift', async () => {
    mkdirSync(checked, { recursive: true });
    writeFileSync(
      config,
      `spec: ${join(REPO_ROOT, 'fixtures/petstore.yaml')}\noutput: ./out\nruntime: package\nruntimePackage: "@acme/sdk-runtime"\n`,
    );
    const generated = await runCli(['generate', '-c', config]);
    assert.equal(generated.code, 0, generated.stderr);
    const clean = await runCli(['generate', '-c', config, '--check']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /is up to date/);
    const clientFile = join(out, 'src/client.ts');
    writeFileSync(clientFile, readFileSync(clientFile, 'utf8') + '// edited\n');
    const before = tree(out);
    const [text, json] = await Promise.all([
      runCli(['generate', '-c', config, '--check']),
      runCli(['generate', '-c', config, '--check', '--json']),
    ]);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /out of date: 1 file differs/);
    assert.match(text.stderr, /changed {2}\S*out\/src\/client\.ts:\d+\n.*on disk: {3}\/\/ edited/);
    assert.deepEqual(tree(out), before, '--check writes nothing');
    assert.equal(json.code, 1);
    const summary = JSON.parse(json.stdout) as Record<string, unknown> & {
      durations: Record<string, number>;
      drift: { path: string; kind: string }[];
    };
    assert.equal(summary.ok, false);
    assert.equal(summary.spec, 'fixtures/petstore.yaml');
    assert.equal(summary.operations, 5);
    assert.equal(summary.resources, 2);
    assert.deepEqual(summary.names, {
      createPet: 'pets.create',
      deletePet: 'pets.delete',
      getInventory: 'store.getInventory',
      getPet: 'pets.get',
      listPets: 'pets.list',
    });
    assert.deepEqual(Object.keys(summary.durations), ['load', 'model', 'emit', 'write', 'total']);
    assert.deepEqual(
      summary.drift.map((d) => [d.path, d.kind]),
      [['src/client.ts', 'changed']],
    );
  });

  test('regenerating repairs the edit; the next check is clean', async () => {
    const regen = await runCli(['generate', '-c', config, '--quiet']);
    assert.equal(regen.code, 0, regen.stderr);
    assert.equal(regen.stdout, '');
    assert.doesNotMatch(readFileSync(join(out, 'src/client.ts'), 'utf8'), /\/\/ edited/);
    const check = await runCli(['generate', '-c', config, '--check']);
    assert.equal(check.code, 0, check.stderr);
  });

  test('./sdkgen.config.yaml in the working directory is used by default', async () => {
    const project = join(scratch.path, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'sdkgen.config.yaml'),
      `spec: ${join(REPO_ROOT, 'fixtures/petstore.yaml')}\noutput: ./client\npackage: { name: "@acme/petstore", version: 2.0.0 }\nclient: { name: Shop }\n`,
    );
    const run = await runCli(['generate'], { cwd: project });
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse(readFileSync(join(project, 'client/package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    assert.deepEqual([manifest.name, manifest.version], ['@acme/petstore', '2.0.0']);
    assert.match(readFileSync(join(project, 'client/src/client.ts'), 'utf8'), /class Shop\b/);
  });

  test('--allow-remote-refs fetches an http $ref (from a server on 127.0.0.1)', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/pet.yaml') response.end('type: object\nproperties:\n  name: { type: string }\n');
      else response.writeHead(404).end();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const project = join(scratch.path, 'remote');
      mkdirSync(project, { recursive: true });
      writeFileSync(
        join(project, 'openapi.yaml'),
        `openapi: 3.0.3\ninfo: { title: Remote Pets, version: 1.0.0 }\npaths:\n  /pet:\n    get:\n      operationId: getPet\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: "http://127.0.0.1:${port}/pet.yaml" }\n`,
      );
      const refused = await runCli(['generate', 'openapi.yaml', '-o', 'out'], { cwd: project });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--allow-remote-refs/);
      const fetched = await runCli(['generate', 'openapi.yaml', '-o', 'out', '--allow-remote-refs', '--json'], {
        cwd: project,
      });
      assert.equal(fetched.code, 0, fetched.stderr);
      assert.equal((JSON.parse(fetched.stdout) as { operations: number }).operations, 1);
      // The fetched schema is bundled and typed: a model, or inline where it is used (untagged: client.ts).
      assert.match(
        ['models.ts', 'client.ts'].map((f) => readFileSync(join(project, 'out/src', f), 'utf8')).join('\n'),
        /name\?: string/,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });
});
