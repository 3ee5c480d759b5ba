/**
 * Section 1: generation on GitHub's spec. Every tool runs once per round, the order rotating
 * between rounds so no tool always runs first (cold disk cache) or last; median of the rounds.
 *
 *   node --import tsx bench/src/gen.ts [--quick] [--runs N] [--tools sdkgen,orval]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode, tail } from './proc.js';
import {
  BIN_DIR,
  GITHUB_SPEC,
  ROOT_DIR,
  SDKGEN_CLI_DIR,
  WORK_DIR,
  ensureDir,
  folderSize,
  isQuick,
  median,
  resultsFile,
} from './paths.js';
import { TOOLS, type ToolId } from './tools.js';
import type { GenRow } from './types.js';

/** Room for sdkgen's whole --json summary on stdout. */
const SUMMARY_BYTES = 8 * 1024 * 1024;

export function genOutDir(tool: ToolId): string {
  return join(WORK_DIR, 'gen', tool, 'out');
}

/** sdkgen's CLI as plain JS, split like the compiled package (see paths.ts SDKGEN_CLI). */
export function buildSdkgenCli(): void {
  // Chunk names carry content hashes: clear the folder so old chunks do not pile up.
  rmSync(SDKGEN_CLI_DIR, { recursive: true, force: true });
  ensureDir(SDKGEN_CLI_DIR);
  execFileSync(
    join(BIN_DIR, 'esbuild'),
    [
      join(ROOT_DIR, 'generator', 'cli.ts'),
      '--bundle',
      '--splitting',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      '--target=node20',
      `--outdir=${SDKGEN_CLI_DIR}`,
      '--log-level=warning',
    ],
    { stdio: 'inherit' },
  );
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const quick = isQuick();
  const runs = Number(argValue('--runs') ?? (quick ? 1 : 5));
  const only = argValue('--tools')?.split(',');
  const tools = TOOLS.filter((t) => !only || only.includes(t.id));
  buildSdkgenCli();
  const samples = new Map<ToolId, { wall: number[]; rss: number[]; phases: Record<string, number>[]; error?: string }>(
    tools.map((t) => [t.id, { wall: [], rss: [], phases: [] }]),
  );
  for (let round = 0; round < runs; round++) {
    const order = tools.map((_, i) => tools[(i + round) % tools.length]!);
    for (const tool of order) {
      const s = samples.get(tool.id)!;
      if (s.error) continue;
      const out = genOutDir(tool.id);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const { script, args } = tool.command(GITHUB_SPEC, out);
      // sdkgen's --json summary (parsed below for its phase timings) lists every method: ~100 KB on GitHub.
      const m = await runNode(script, args, { cwd: join(WORK_DIR, 'gen', tool.id), keepBytes: SUMMARY_BYTES });
      const size = folderSize(out);
      const failed = m.code !== 0 || m.timedOut || size.files === 0;
      process.stderr.write(
        `  gen ${tool.id.padEnd(24)} round ${round + 1}/${runs}: ${failed ? 'FAILED' : 'ok'} ${(m.wallMs / 1000).toFixed(1)} s, ${m.peakRssMb.toFixed(0)} MiB\n`,
      );
      if (failed) {
        s.error = m.timedOut ? 'timed out' : `exit ${m.code ?? m.signal}: ${tail(m.stderr || m.stdout, 4)}`;
        continue;
      }
      s.wall.push(m.wallMs);
      s.rss.push(m.peakRssMb);
      if (tool.id === 'sdkgen') {
        try {
          s.phases.push((JSON.parse(m.stdout) as { durations: Record<string, number> }).durations);
        } catch {
          s.phases.push({});
        }
      }
    }
  }
  const rows: GenRow[] = tools.map((tool) => {
    const s = samples.get(tool.id)!;
    const size = folderSize(genOutDir(tool.id));
    return {
      tool: tool.id,
      label: tool.label,
      fullClient: tool.fullClient,
      ok: !s.error,
      ...(s.error ? { error: s.error } : {}),
      runs: s.wall.length,
      wallMs: median(s.wall),
      wallMsAll: s.wall.map((w) => Math.round(w)),
      peakRssMb: median(s.rss),
      outputBytes: size.bytes,
      outputFiles: size.files,
      ...(s.phases.length
        ? { phasesMs: s.phases[s.wall.indexOf([...s.wall].sort((a, b) => a - b)[Math.floor(s.wall.length / 2)]!)] }
        : {}),
    };
  });
  writeFileSync(
    resultsFile('gen', quick),
    JSON.stringify({ section: 'gen', quick, runs, spec: GITHUB_SPEC, rows }, null, 2),
  );
  // A peer that breaks is a row in the report; sdkgen itself failing means the benchmark cannot measure.
  if (rows.some((r) => r.tool === 'sdkgen' && !r.ok)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
