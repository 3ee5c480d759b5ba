/**
 * `npm run bench`: every benchmark side by side with the peers, then results.md and one SVG chart
 * per section. Each section runs in its own process (bench/src/<section>.ts) and leaves JSON in
 * bench/.work/results/; this file only prepares, sequences and reports.
 *
 *   npm run bench                        full run (minutes; run it on a quiet machine) -> bench/results.md, bench/charts/
 *   npm run bench -- --quick             tiny counts, one round (CI)   -> bench/.work/quick/results.md
 *   npm run bench -- --only runtime,bundle [--out DIR] [--runs N]
 *   npm run bench -- [--quick] --report-only   re-render results.md/charts from the stored results
 *
 * Installs bench/'s own dependencies (`npm ci --prefix bench`, under flock /tmp/sdkgen-npm.lock
 * when flock exists) when bench/node_modules is missing or older than bench/package-lock.json, and fetches GitHub's spec (scripts/fetch-corpus.ts) when .cache/corpus/github.json is.
 * Prints figures; asserts nothing about them. Exits non-zero only when a section crashed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_DIR, GITHUB_SPEC, ROOT_DIR, WORK_DIR, packageVersion, resultsDir, resultsFile } from './src/paths.js';
import { writeReport, type RunMeta } from './src/report.js';

const SECTIONS = ['gen', 'tsc', 'runtime', 'pagination', 'bundle'] as const;
type Section = (typeof SECTIONS)[number];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function hasFlock(): boolean {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
}

function ensureBenchDeps(): void {
  const installed = join(BENCH_DIR, 'node_modules', '.package-lock.json');
  // Installed and not older than the lock file (a pull that changed the pins reinstalls).
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(BENCH_DIR, 'package-lock.json')).mtimeMs)
    return;
  process.stderr.write('bench: installing bench/ dependencies (npm ci --prefix bench) ...\n');
  const npm = ['npm', 'ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'];
  const [cmd, ...args] = hasFlock() ? ['flock', '/tmp/sdkgen-npm.lock', ...npm] : npm;
  execFileSync(cmd!, args, { stdio: 'inherit', cwd: ROOT_DIR });
}

function ensureSpec(): void {
  if (existsSync(GITHUB_SPEC)) return;
  process.stderr.write('bench: fetching the GitHub spec (scripts/fetch-corpus.ts) ...\n');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'scripts', 'fetch-corpus.ts')], {
    stdio: 'inherit',
    cwd: ROOT_DIR,
  });
}

/** Share of all cores busy over `ms` (from the kernel's per-core counters): what else is running. */
function busyShare(ms: number): number {
  const total = (cs: ReturnType<typeof cpus>) =>
    cs.reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq, 0);
  const idle = (cs: ReturnType<typeof cpus>) => cs.reduce((sum, c) => sum + c.times.idle, 0);
  const before = cpus();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const after = cpus();
  const spent = total(after) - total(before);
  return spent <= 0 ? 0 : 1 - (idle(after) - idle(before)) / spent;
}

/** A full run waits this long at most for other work to finish before starting anyway. */
const QUIET_WAIT_MS = 120_000;
/** Below this share of the machine busy with other work, the machine counts as quiet. */
const QUIET_BUSY_SHARE = 0.15;
/** Window of each quietness sample. */
const QUIET_SAMPLE_MS = 5_000;

/** Waits (full runs only) until other work leaves the machine; returns the busy share measured last. */
function waitForQuiet(quick: boolean): number {
  let busy = busyShare(quick ? 1_000 : QUIET_SAMPLE_MS);
  const deadline = performance.now() + (quick ? 0 : QUIET_WAIT_MS);
  while (busy > QUIET_BUSY_SHARE && performance.now() < deadline) {
    process.stderr.write(
      `bench: ${(busy * 100).toFixed(0)}% of the machine is busy with other work; waiting for it to settle ...\n`,
    );
    busy = busyShare(QUIET_SAMPLE_MS);
  }
  return busy;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        cwd: ROOT_DIR,
        encoding: 'utf8',
      }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const outDefault = quick ? join(WORK_DIR, 'quick') : BENCH_DIR;
  if (process.argv.includes('--report-only')) {
    // Re-render from the stored results and the stored run description (no benchmark runs).
    const meta = JSON.parse(readFileSync(join(resultsDir(quick), 'meta.json'), 'utf8')) as RunMeta;
    const dir = resolve(arg('--out') ?? outDefault);
    writeReport(resultsDir(quick), dir, meta);
    process.stderr.write(`bench: re-rendered ${join(dir, 'results.md')}\n`);
    return;
  }
  const only = arg('--only')?.split(',') as Section[] | undefined;
  const bad = only?.filter((s) => !SECTIONS.includes(s));
  if (bad?.length) throw new Error(`unknown section(s) ${bad.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  const selected = new Set<Section>(only ?? SECTIONS);
  // tsc and bundle read the generated GitHub outputs.
  if ((selected.has('tsc') || selected.has('bundle')) && !existsSync(join(WORK_DIR, 'gen', 'sdkgen', 'out')))
    selected.add('gen');
  const outDir = resolve(arg('--out') ?? outDefault);

  ensureBenchDeps();
  if (selected.has('gen')) ensureSpec();
  // Sections not selected keep their last result of the same mode; the report says so.
  for (const section of selected) rmSync(resultsFile(section, quick), { force: true });

  const busyBefore = waitForQuiet(quick);
  const started = new Date();
  const loadStart = loadavg();
  const sections: RunMeta['sections'] = {};
  for (const section of SECTIONS.filter((s) => selected.has(s))) {
    process.stderr.write(`bench: ${section}${quick ? ' (quick)' : ''}\n`);
    const t0 = performance.now();
    const args = ['--import', 'tsx', join(BENCH_DIR, 'src', `${section}.ts`)];
    if (quick) args.push('--quick');
    const runs = arg('--runs');
    if (section === 'gen' && runs) args.push('--runs', runs);
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: ROOT_DIR });
    const seconds = (performance.now() - t0) / 1000;
    sections[section] =
      r.status === 0 ? { ok: true, seconds } : { ok: false, seconds, error: `exit ${r.status ?? r.signal}` };
    process.stderr.write(`bench: ${section} ${r.status === 0 ? 'done' : 'FAILED'} in ${seconds.toFixed(0)} s\n`);
  }
  const finished = new Date();
  const versions: Record<string, string> = {
    sdkgen: `${(JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version} (this checkout)`,
  };
  for (const pkg of [
    '@hey-api/openapi-ts',
    'orval',
    'openapi-typescript',
    'oazapfts',
    '@oazapfts/runtime',
    'swagger-typescript-api',
    'openapi-fetch',
    'typescript',
    'esbuild',
  ]) {
    versions[pkg] = packageVersion(pkg);
  }
  // bench/'s copy: the raw, fetch and generated-sdkgen clients all resolve undici from bench/node_modules.
  versions.undici = packageVersion('undici');
  const meta: RunMeta = {
    mode: quick ? 'quick' : 'full',
    startedAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    finishedAt: finished.toISOString().replace(/\.\d+Z$/, 'Z'),
    durationS: (finished.getTime() - started.getTime()) / 1000,
    node: process.versions.node,
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadStart,
    loadEnd: loadavg(),
    busyBefore,
    commit: gitCommit(),
    versions,
    sections,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  };
  writeFileSync(join(resultsDir(quick), 'meta.json'), JSON.stringify(meta, null, 2));
  writeReport(resultsDir(quick), outDir, meta);
  process.stderr.write(
    `bench: wrote ${join(outDir, 'results.md')} and ${join(outDir, 'charts')}/*.svg in ${meta.durationS.toFixed(0)} s\n`,
  );
  if (Object.values(sections).some((s) => !s.ok)) process.exitCode = 1;
}

main();
