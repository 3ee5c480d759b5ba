/**
 * Section 2: type-check cost of each tool's GitHub output with a consumer file calling two
 * operations: `tsc --noEmit --extendedDiagnostics` under strict (TypeScript from bench/).
 * Reads the outputs section 1 left in bench/.work/gen/<tool>/out.
 *
 * The peers emit one .ts file that a user puts in their project, so their consumers import that
 * source. sdkgen emits a package, and what a user installs is the package built: its
 * `exports` name dist/*.d.ts. So the SDK is first built as its publisher would (`tsc -p` its own
 * tsconfig: strict, every source checked, declarations emitted; reported as its own row, with
 * the full SDK's instantiations and errors), linked into node_modules under its package name,
 * and the consumer imports it by that name. skipLibCheck skips declaration files for every tool
 * alike (openapi-fetch's own .d.ts included).
 *
 *   node --import tsx bench/src/tsc.ts [--quick] [--runs N]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runNode, tail } from './proc.js';
import { BENCH_DIR, WORK_DIR, isQuick, median, resultsFile } from './paths.js';
import { CONSUMERS } from './tools.js';
import { genOutDir } from './gen.js';
import type { TscRow } from './types.js';

const TSC = join(BENCH_DIR, 'node_modules', 'typescript', 'lib', 'tsc.js');

/** The compiler options every consumer is checked with: strict, libs not re-checked. */
export const CONSUMER_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  noEmit: true,
};

/** The row of the SDK's own build (tsc -p its tsconfig.json), beside the consumers' rows. */
export const SDK_BUILD_ROW = 'sdkgen-build';

function stat(text: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+([\\d.]+)([KMG]?)`, 'm').exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]);
}

type RowBase = Pick<TscRow, 'id' | 'label'>;

/** A row with every figure zero, before it is measured (or when it could not be). */
function emptyRow(base: RowBase): Omit<TscRow, 'ok' | 'error'> {
  return {
    ...base,
    errors: 0,
    firstErrors: [],
    files: 0,
    lines: 0,
    types: 0,
    instantiations: 0,
    checkTimeS: 0,
    totalTimeS: 0,
    memoryMb: 0,
  };
}

/** Runs `tsc <args> --extendedDiagnostics` in `dir` `runs` times: the figures of the last run, the median times. */
async function measure(base: RowBase, dir: string, args: readonly string[], runs: number): Promise<TscRow> {
  const empty = emptyRow(base);
  const checks: number[] = [];
  const totals: number[] = [];
  let last = '';
  for (let i = 0; i < runs; i++) {
    const m = await runNode(TSC, [...args, '--extendedDiagnostics', '--pretty', 'false'], { cwd: dir });
    last = m.stdout;
    if (m.timedOut || !/^Check time:/m.test(m.stdout)) {
      const error = m.timedOut ? 'timed out' : `tsc exit ${m.code}: ${tail(m.stderr || m.stdout, 4)}`;
      return { ...empty, ok: false, error };
    }
    checks.push(stat(m.stdout, 'Check time'));
    totals.push(stat(m.stdout, 'Total time'));
  }
  const errorLines = last.split('\n').filter((l) => /error TS\d+:/.test(l));
  return {
    ...empty,
    ok: true,
    errors: errorLines.length,
    firstErrors: errorLines.slice(0, 3).map((l) => l.replace(dir + '/', '').slice(0, 240)),
    files: stat(last, 'Files'),
    lines: stat(last, 'Lines of TypeScript') || stat(last, 'Lines'),
    types: stat(last, 'Types'),
    instantiations: stat(last, 'Instantiations'),
    checkTimeS: median(checks),
    totalTimeS: median(totals),
    memoryMb: stat(last, 'Memory used') / 1024,
  };
}

/**
 * Builds sdkgen's output (once: it emits dist/) and links it as node_modules/<its name> beside
 * the consumer, as `npm install` would place it.
 */
async function buildSdkgenPackage(dir: string): Promise<TscRow> {
  const out = genOutDir('sdkgen');
  const base = { id: SDK_BUILD_ROW, label: 'sdkgen: building the SDK (tsc -p, all sources)' };
  rmSync(join(out, 'dist'), { recursive: true, force: true });
  const row = await measure(base, dir, ['-p', relative(dir, join(out, 'tsconfig.json'))], 1);
  const { name } = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { name: string };
  const link = join(dir, 'node_modules', ...name.split('/'));
  rmSync(link, { recursive: true, force: true });
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(relative(dirname(link), out), link, 'dir');
  return row;
}

async function main(): Promise<void> {
  const quick = isQuick();
  const runs = quick ? 1 : 3;
  const rows: TscRow[] = [];
  for (const consumer of CONSUMERS) {
    const dir = join(WORK_DIR, 'gen', consumer.tool);
    if (!existsSync(genOutDir(consumer.tool))) {
      rows.push({
        ...emptyRow({ id: consumer.id, label: consumer.label }),
        ok: false,
        error: 'no generated output (generation failed or was skipped)',
      });
      continue;
    }
    if (consumer.tool === 'sdkgen') rows.push(await buildSdkgenPackage(dir));
    const file = `consumer-${consumer.id}.ts`;
    writeFileSync(join(dir, file), consumer.typecheck);
    const tsconfig = `tsconfig-${consumer.id}.json`;
    writeFileSync(
      join(dir, tsconfig),
      JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS, files: [file] }, null, 2),
    );
    const row = await measure({ id: consumer.id, label: consumer.label }, dir, ['-p', tsconfig], runs);
    rows.push(row);
  }
  for (const row of rows) {
    process.stderr.write(
      `  tsc ${row.id.padEnd(24)} ${row.ok ? `${row.errors} errors, ${row.instantiations} instantiations, check ${row.checkTimeS} s` : `FAILED ${row.error}`}\n`,
    );
  }
  writeFileSync(
    resultsFile('tsc', quick),
    JSON.stringify({ section: 'tsc', quick, runs, compilerOptions: CONSUMER_COMPILER_OPTIONS, rows }, null, 2),
  );
  if (rows.some((r) => (r.id === 'sdkgen' || r.id === SDK_BUILD_ROW) && !r.ok)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
