/**
 * The web builds of the scenario SDK the way an app team makes them: esbuild bundles an entry that
 * imports the package by its name ('platforms'), so the package's `exports` conditions choose the
 * entry (`browser` for Chromium; `workerd`, `worker`, `browser` for workerd, as wrangler asks).
 * No Node module is marked external or polyfilled: a Node import on the web path is a build
 * failure that names it, which is the gap the browser entry closes (docs/platforms.md "Status").
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { buildScenarioSdk, PLATFORMS_TMP, REPO_ROOT } from './build-sdk.js';

export type WebTarget = 'browser' | 'workerd';

const WEB_TMP = join(PLATFORMS_TMP, 'web');
/** Where the package is installed under its name for the bundler (a link to the built SDK). */
const WEB_NODE_MODULES = join(WEB_TMP, 'node_modules');
/** The generated package's name (test/platforms/fixtures/platforms.yaml's title). */
const SDK_PACKAGE = 'platforms';

/** Each target's entry (test/platforms/) and the esbuild options that make it what its users build. */
const TARGETS: Readonly<Record<WebTarget, { entry: string; options: BuildOptions }>> = {
  browser: { entry: 'browser-page.mjs', options: { platform: 'browser' } },
  // The conditions wrangler's esbuild sets for Workers (a set: the package's key order decides).
  workerd: {
    entry: 'workerd-worker.mjs',
    options: { platform: 'browser', conditions: ['workerd', 'worker', 'browser'] },
  },
};

/** Builds the SDK if needed, then the target's bundle (ESM, minified as shipped); returns its path. */
export async function buildWebBundle(target: WebTarget): Promise<string> {
  const sdkDir = await buildScenarioSdk();
  linkPackage(sdkDir);
  const { entry, options } = TARGETS[target];
  const outfile = join(WEB_TMP, `${target}.js`);
  try {
    await build({
      ...options,
      entryPoints: [join(REPO_ROOT, 'test', 'platforms', entry)],
      outfile,
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      nodePaths: [WEB_NODE_MODULES],
      logLevel: 'silent',
    });
  } catch (error) {
    throw new Error(
      `the ${target} build of the generated SDK failed (esbuild, no Node polyfills):\n${summarize(error)}`,
    );
  }
  return outfile;
}

/** node_modules/platforms -> the built SDK, so the entry's bare import goes through `exports`. */
function linkPackage(sdkDir: string): void {
  mkdirSync(WEB_NODE_MODULES, { recursive: true });
  const link = join(WEB_NODE_MODULES, SDK_PACKAGE);
  if (existsSync(link)) return; // always the same target (SDK_DIR)
  try {
    symlinkSync(sdkDir, link, 'dir');
  } catch (error) {
    // Another suite (a parallel process) made the same link first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** esbuild's errors, one line per importing file (a dependency's files folded into its package). */
function summarize(error: unknown): string {
  const messages = (error as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
  if (messages === undefined || messages.length === 0) return String(error);
  const byFile = new Map<string, Set<string>>();
  for (const { text, location } of messages) {
    const file = (location?.file ?? '?').replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1 (dependency)');
    const unresolved = /Could not resolve "([^"]+)"/.exec(text)?.[1] ?? text;
    byFile.set(file, (byFile.get(file) ?? new Set()).add(unresolved));
  }
  return [...byFile].map(([file, what]) => `  - ${file}: ${[...what].join(', ')}`).join('\n');
}
