/**
 * Section 2: type-check cost of each tool's GitHub output with a consumer file calling two
 * operations: `tsc --noEmit --extendedDiagnostics` under strict (TypeScript from bench/).
 * Reads the outputs section 1 left in bench/.work/gen/<tool>/out.
 *
 *   node --import tsx bench/src/tsc.ts [--quick] [--runs N]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function stat(text: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+([\\d.]+)([KMG]?)`, 'm').exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]);
}

async function main(): Promise<void> {
  const quick = isQuick();
  const runs = quick ? 1 : 3;
  const rows: TscRow[] = [];
  for (const consumer of CONSUMERS) {
    const dir = join(WORK_DIR, 'gen', consumer.tool);
    const base = {
      id: consumer.id,
      label: consumer.label,
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
    if (!existsSync(genOutDir(consumer.tool))) {
      rows.push({ ...base, ok: false, error: 'no generated output (generation failed or was skipped)' });
      continue;
    }
    const file = `consumer-${consumer.id}.ts`;
    writeFileSync(join(dir, file), consumer.typecheck);
    const tsconfig = `tsconfig-${consumer.id}.json`;
    writeFileSync(
      join(dir, tsconfig),
      JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS, files: [file] }, null, 2),
    );
    const checks: number[] = [];
    const totals: number[] = [];
    let last = '';
    let failed: string | undefined;
    for (let i = 0; i < runs; i++) {
      const m = await runNode(TSC, ['-p', tsconfig, '--extendedDiagnostics', '--pretty', 'false'], { cwd: dir });
      last = m.stdout;
      if (m.timedOut || !/^Check time:/m.test(m.stdout)) {
        failed = m.timedOut ? 'timed out' : `tsc exit ${m.code}: ${tail(m.stderr || m.stdout, 4)}`;
        break;
      }
      checks.push(stat(m.stdout, 'Check time'));
      totals.push(stat(m.stdout, 'Total time'));
    }
    const errorLines = last.split('\n').filter((l) => /error TS\d+:/.test(l));
    const row: TscRow = failed
      ? { ...base, ok: false, error: failed }
      : {
          ...base,
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
    process.stderr.write(
      `  tsc ${consumer.id.padEnd(24)} ${row.ok ? `${row.errors} errors, ${row.instantiations} instantiations, check ${row.checkTimeS} s` : `FAILED ${row.error}`}\n`,
    );
    rows.push(row);
  }
  writeFileSync(
    resultsFile('tsc', quick),
    JSON.stringify({ section: 'tsc', quick, runs, compilerOptions: CONSUMER_COMPILER_OPTIONS, rows }, null, 2),
  );
  if (rows.some((r) => r.id === 'sdkgen' && !r.ok)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
