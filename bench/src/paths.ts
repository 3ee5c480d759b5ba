/** Where the benchmarks read and write. Everything generated goes under bench/.work/ (git-ignored). */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BENCH_DIR = resolve(import.meta.dirname, '..');
export const ROOT_DIR = resolve(BENCH_DIR, '..');
export const WORK_DIR = join(BENCH_DIR, '.work');
export const RESULTS_DIR = join(WORK_DIR, 'results');
export const BIN_DIR = join(BENCH_DIR, 'node_modules', '.bin');
export const GITHUB_SPEC = join(ROOT_DIR, '.cache', 'corpus', 'github.json');
export const BENCH_SPEC = join(BENCH_DIR, 'fixtures', 'bench-api.yaml');
/**
 * sdkgen's CLI bundled to plain JS (esbuild, packages external, split into chunks), so it runs like
 * the published compiled package and not through tsx. Split like dist/: every `await import()` the
 * generator makes stays lazy (a single-file bundle would hoist openapi-typescript, and with it the
 * TypeScript compiler, to startup: ~0.5 s and ~70 MiB no installed CLI pays). Named cli.js because
 * the CLI runs its main only when the entry file is called that; the generator finds runtime/,
 * templates/ and package.json by walking up to sdkgen's package.json, so the depth does not matter.
 */
export const SDKGEN_CLI_DIR = join(WORK_DIR, 'cli');
export const SDKGEN_CLI = join(SDKGEN_CLI_DIR, 'cli.js');

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Results of one section, kept apart per mode so a quick run never mixes with full-run figures. */
export function resultsDir(quick: boolean): string {
  return join(RESULTS_DIR, quick ? 'quick' : 'full');
}

export function resultsFile(section: string, quick: boolean): string {
  return join(ensureDir(resultsDir(quick)), `${section}.json`);
}

export function isQuick(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--quick');
}

/** Total bytes and file count of a folder (recursive). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        bytes += st.size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

export function packageVersion(name: string, from: string = BENCH_DIR): string {
  for (const base of [join(from, 'node_modules'), join(ROOT_DIR, 'node_modules')]) {
    const file = join(base, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'not installed';
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
