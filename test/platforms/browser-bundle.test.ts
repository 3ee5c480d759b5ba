/**
 * The browser build of a generated SDK (esbuild --bundle --platform=browser): which runtime files
 * still pull Node-only modules (node:*, undici) into it. The browser entry is not done yet
 * (docs/platforms.md "Status"): this is a ratchet over the known worklist, so no new file starts
 * importing Node modules on the shared path, and a file that stops doing so must be taken off the
 * list (the test then fails until it is, keeping the list true). The fetch transport itself
 * (transport/fetch.ts) is in the bundle and imports nothing of Node.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildScenarioSdk } from './build-sdk.js';

/** Runtime files that import Node-only modules today, and what each needs on the web instead. */
const KNOWN_NODE_IMPORTERS: Readonly<Record<string, string>> = {
  'auth/digest.ts': 'MD5 via node:crypto: a clear error on platforms without it',
  'auth/oauth2-token-request.ts': 'undici request(): the token request through the fetch transport',
  'auth/sign.ts': 'node:stream to buffer a body for signing: a web stream reader',
  'request/multipart.ts': 'node:crypto boundary and a Node stream body: FormData on the web',
  'request/progress.ts': 'a counting Node stream: a counting web stream',
  'request/uploadable.ts': 'file paths (node:fs) and Node streams: Blob/File/ReadableStream only',
  'response/api-response.ts': 'Readable.from for re-reading a body: a web stream',
  'response/download.ts': 'downloadToFile (node:fs): an InvalidArgumentError naming the platform',
  'response/idle-timeout-stream.ts': 'a Node Transform with the read timer: a web TransformStream',
  'streams/reconnect.ts': 'node:timers/promises: a setTimeout promise',
  'transport/connector.ts': 'undici buildConnector: not on the web path',
  'transport/decompress.ts': 'node:zlib: fetch decompresses itself',
  'transport/dispatcher.ts': 'undici Agent: fetch owns connections',
  'transport/fetch-node.ts': 'Readable.fromWeb: the web body as is',
};

function isNodeOnly(path: string): boolean {
  return path.startsWith('node:') || path === 'undici' || path.startsWith('undici/');
}

describe('the browser build', () => {
  let importers: Map<string, Set<string>>;
  before(async () => {
    const dir = await buildScenarioSdk();
    const entry = join(dir, 'browser-app.ts');
    writeFileSync(
      entry,
      "import { createClient, getPet } from './src/functions.js';\nconsole.log(await getPet(createClient(), { petId: '1' }));\n",
    );
    const result = await build({
      entryPoints: [entry],
      outfile: join(dir, 'browser-app.js'),
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      // External only so the build finishes and the metafile can say who imports what.
      external: ['node:*', 'undici'],
      metafile: true,
      logLevel: 'silent',
    });
    importers = new Map();
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      const nodeOnly = input.imports.filter((i) => i.external && isNodeOnly(i.path)).map((i) => i.path);
      if (nodeOnly.length > 0) importers.set(file.replace(/^.*\/src\/runtime\//, ''), new Set(nodeOnly));
    }
  });

  test('no runtime file outside the known worklist imports a Node-only module', () => {
    const unexpected = [...importers.keys()].filter((file) => !(file in KNOWN_NODE_IMPORTERS));
    assert.deepEqual(
      unexpected,
      [],
      `new Node-only imports on the browser path: ${unexpected.map((f) => `${f} (${[...importers.get(f)!].join(', ')})`).join('; ')}`,
    );
  });

  test('every file on the worklist still needs its entry (take fixed ones off)', () => {
    const fixed = Object.keys(KNOWN_NODE_IMPORTERS).filter((file) => !importers.has(file));
    assert.deepEqual(
      fixed,
      [],
      `these no longer import Node-only modules; remove them from KNOWN_NODE_IMPORTERS: ${fixed.join(', ')}`,
    );
  });

  test('the fetch transport and the engine files import nothing of Node themselves', () => {
    for (const file of importers.keys())
      assert.ok(
        !file.startsWith('engine/') && file !== 'transport/fetch.ts',
        `${file} imports ${[...importers.get(file)!].join(', ')}`,
      );
  });
});
