/**
 * The browser build of a generated SDK (esbuild --bundle --platform=browser, the way a web app
 * bundles it): the package's browser/worker entries (src/index.ts, src/functions.ts; the Node
 * entries are src/*.node.ts) must pull in no Node-only module at all. Built WITHOUT marking
 * node:* or undici external, so one appearing on the shared path fails the build itself; the
 * metafile then says which file imported it.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildFailure, type Metafile } from 'esbuild';
import { buildScenarioSdk } from './build-sdk.js';

/** The two browser/worker entries, each called the way an app does. */
const APPS: Readonly<Record<string, string>> = {
  'browser-functions-app.ts':
    "import { createClient, getPet } from './src/functions.js';\nconsole.log(await getPet(createClient(), { petId: '1' }));\n",
  'browser-client-app.ts':
    "import * as sdk from './src/index.js';\nconsole.log(Object.keys(sdk), sdk.downloadToFile, sdk.fileFromPath);\n",
};

function isNodeOnly(path: string): boolean {
  return path.startsWith('node:') || path === 'undici' || path.startsWith('undici/');
}

/** Who imports what Node-only module (from the metafile), for the failure message. */
function nodeImporters(metafile: Metafile | undefined): string[] {
  const found: string[] = [];
  for (const [file, input] of Object.entries(metafile?.inputs ?? {})) {
    for (const imported of input.imports)
      if (isNodeOnly(imported.path)) found.push(`${file.replace(/^.*\/src\//, 'src/')} -> ${imported.path}`);
  }
  return found;
}

describe('the browser build', () => {
  let dir: string;
  before(async () => {
    dir = await buildScenarioSdk();
  });

  for (const [name, source] of Object.entries(APPS)) {
    test(`${name}: bundles for the browser with no node:* or undici import anywhere`, async () => {
      const entry = join(dir, name);
      writeFileSync(entry, source);
      let metafile: Metafile | undefined;
      let failure: string | undefined;
      try {
        const result = await build({
          entryPoints: [entry],
          outfile: join(dir, name.replace(/\.ts$/, '.js')),
          bundle: true,
          minify: true,
          format: 'esm',
          platform: 'browser',
          metafile: true,
          logLevel: 'silent',
        });
        metafile = result.metafile;
      } catch (error) {
        // An unresolvable node:* import fails the build: say which one.
        failure = (error as BuildFailure).errors?.map((e) => `${e.location?.file ?? '?'}: ${e.text}`).join('; ');
      }
      assert.equal(failure, undefined, `the browser build failed: ${failure}`);
      assert.deepEqual(nodeImporters(metafile), [], 'Node-only imports in the browser bundle');
      const inputs = Object.keys(metafile!.inputs);
      assert.ok(
        inputs.some((f) => f.endsWith('runtime/transport/fetch.ts')),
        'the fetch transport is in the bundle',
      );
      assert.ok(!inputs.some((f) => f.endsWith('runtime/node.ts')), "the runtime's Node entry is not");
    });
  }

  // The package by its name, as an app imports it: the exports conditions pick the entry, and
  // `sideEffects` must keep the Node entry's feature import in a Node bundle.
  const BY_NAME: ReadonlyArray<readonly [string, Parameters<typeof build>[0], string, boolean]> = [
    ['browser', { platform: 'browser' }, 'dist/index.js', false],
    ['workerd', { platform: 'neutral', conditions: ['workerd', 'worker', 'browser'] }, 'dist/index.js', false],
    ['node', { platform: 'node', external: ['undici'] }, 'dist/index.node.js', true],
  ];
  for (const [target, options, entry, withNodeFeatures] of BY_NAME) {
    test(`the package by name for ${target}: ${entry}${withNodeFeatures ? ' with runtime/node.js' : ', nothing of Node'}`, async () => {
      const name = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name;
      const app = join(dir, `by-name-${target}.mjs`);
      writeFileSync(app, `import { Platforms } from '${name}';\nconsole.log(new Platforms());\n`);
      const result = await build({
        ...options,
        entryPoints: [app],
        outfile: join(dir, `by-name-${target}.js`),
        bundle: true,
        format: 'esm',
        metafile: true,
        logLevel: 'silent',
      });
      // Metafile paths are relative to the working directory: kept from the package root on.
      const fromRoot = (file: string) => file.replace(/^.*\/(?=(dist|src)\/)/, '');
      const visited = Object.keys(result.metafile.inputs).map(fromRoot);
      assert.ok(
        visited.includes(entry),
        `${entry} not resolved: ${visited.filter((f) => !f.includes('/runtime/')).join(', ')}`,
      );
      // What reached the output: tree shaking drops whole side-effect-free files (the Node
      // entry's feature import too, unless package.json's sideEffects keeps it).
      const output = Object.values(result.metafile.outputs)[0]!;
      const emitted = Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => fromRoot(file));
      assert.equal(emitted.includes('dist/runtime/node.js'), withNodeFeatures, 'runtime/node.js in the bundle');
      if (!withNodeFeatures) assert.deepEqual(nodeImporters(result.metafile), []);
    });
  }
});
