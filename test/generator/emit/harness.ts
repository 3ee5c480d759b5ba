/**
 * Generates a fixture into a folder under .tmp/ (inside the repo, so the generated package
 * resolves undici and @types/node from the repo's node_modules) and compiles it with the repo's tsc.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage } from '../../../generator/emit/index.js';
import type { GeneratedFiles, LoadedSpec, SdkgenConfig } from '../../../generator/types.js';
import { configFor, loadFixture, REPO_ROOT } from '../model/helpers.js';

export const TMP_ROOT = resolve(REPO_ROOT, '.tmp/emit-tests');
const TSC = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc');
/** Compiling a generated package takes seconds; a hung tsc must not hang the suite. */
const TSC_TIMEOUT_MS = 300_000;

export async function generateFiles(spec: LoadedSpec, config: SdkgenConfig): Promise<GeneratedFiles> {
  return emitPackage(buildModel(spec, config), spec, config);
}

export function writeFiles(outDir: string, files: GeneratedFiles): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [path, text] of files) {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

export async function generateFixture(
  fixture: string,
  name: string,
  overrides: Partial<SdkgenConfig> = {},
): Promise<{ outDir: string; files: GeneratedFiles }> {
  const spec = loadFixture(fixture);
  const outDir = join(TMP_ROOT, name);
  const files = await generateFiles(spec, configFor({ output: outDir, ...overrides }));
  writeFiles(outDir, files);
  return { outDir, files };
}

/**
 * tsconfig.json of a consumer project type-checked against a generated SDK: strict, as app teams
 * compile, so an unused `@ts-expect-error` line fails the build too.
 */
export function consumerTsconfig(files: readonly string[]): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files,
  };
}

/** Runs tsc on a project; returns its exit code and diagnostics. */
export function compile(
  projectDir: string,
  extraArgs: readonly string[] = [],
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [TSC, '-p', join(projectDir, 'tsconfig.json'), ...extraArgs], {
    encoding: 'utf8',
    timeout: TSC_TIMEOUT_MS,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
