/**
 * One corpus worker (a child process of scripts/corpus.ts): takes documents one at a time over
 * IPC, runs the real pipeline (`generate()`: load -> model -> emit -> write) into the given
 * folder, type-checks the package under its own strict tsconfig, and reports one outcome per
 * document. A crash of a document is caught here; a hang or an out-of-memory kills the process,
 * which the parent records against that document and replaces.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generate } from '../../generator/generate.js';
import { InputError } from '../../generator/types.js';
import { typecheckPackage } from './typecheck.js';

export interface WorkRequest {
  readonly id: string;
  readonly path: string;
  readonly outDir: string;
  /** Keep the generated package on disk when it built (failures are always kept). */
  readonly keep: boolean;
}

export type Outcome = 'built' | 'refused' | 'failed';

export interface WorkResult {
  readonly id: string;
  readonly outcome: Outcome;
  /** For refused: the loader/model's message; for failed: `crash`, `tsc`, `timeout`, `oom`. */
  readonly reason?: string;
  readonly message?: string;
  readonly location?: string;
  readonly pointer?: string;
  readonly diagnostics?: readonly string[];
  readonly codes?: Readonly<Record<string, number>>;
  readonly operations?: number;
  readonly parametersLost?: number;
  readonly files?: number;
  readonly generateMs?: number;
  readonly phases?: Readonly<Record<string, number>>;
  readonly typecheckMs?: number;
  readonly totalMs: number;
  /** This process's RSS after the document, and its peak so far (MB). */
  readonly rssMb: number;
  readonly peakRssMb: number;
}

function memory(): { rssMb: number; peakRssMb: number } {
  return {
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export async function runOne(request: WorkRequest): Promise<WorkResult> {
  const start = performance.now();
  rmSync(request.outDir, { recursive: true, force: true });
  let generated;
  try {
    generated = await generate({
      spec: request.path,
      output: request.outDir,
      check: false,
      allowRemoteRefs: false,
      cwd: request.outDir,
    });
  } catch (error) {
    const totalMs = Math.round(performance.now() - start);
    if (error instanceof InputError) {
      const { location, pointer } = error.details;
      return {
        id: request.id,
        outcome: 'refused',
        reason: error.message,
        message: error.message,
        ...(location ? { location: `${location.line}:${location.col}` } : {}),
        ...(pointer !== undefined ? { pointer } : {}),
        totalMs,
        ...memory(),
      };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const stack =
      error instanceof Error && error.stack
        ? error.stack
            .split('\n')
            .slice(1, 8)
            .map((l) => l.trim())
        : [];
    return { id: request.id, outcome: 'failed', reason: 'crash', message, diagnostics: stack, totalMs, ...memory() };
  }
  const tcStart = performance.now();
  let checked;
  try {
    checked = typecheckPackage(request.outDir);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      id: request.id,
      outcome: 'failed',
      reason: 'crash',
      message: `typecheck: ${message}`,
      totalMs: Math.round(performance.now() - start),
      ...memory(),
    };
  }
  const typecheckMs = Math.round(performance.now() - tcStart);
  const common = {
    id: request.id,
    operations: generated.operations,
    parametersLost: generated.parametersLost,
    files: generated.files,
    generateMs: generated.durations.total,
    phases: {
      load: generated.durations.load,
      model: generated.durations.model,
      emit: generated.durations.emit,
      write: generated.durations.write,
    },
    typecheckMs,
    totalMs: Math.round(performance.now() - start),
    ...memory(),
  };
  if (checked.errors > 0) {
    return {
      ...common,
      outcome: 'failed',
      reason: 'tsc',
      message: `${checked.errors} tsc error(s)`,
      diagnostics: checked.diagnostics,
      codes: checked.codes,
    };
  }
  if (!request.keep) rmSync(request.outDir, { recursive: true, force: true });
  return { ...common, outcome: 'built' };
}

if (process.send) {
  process.on('message', (request: WorkRequest) => {
    void runOne(request).then(
      (result) => process.send!(result),
      (error: unknown) =>
        process.send!({
          id: request.id,
          outcome: 'failed',
          reason: 'crash',
          message: String(error),
          totalMs: 0,
          ...memory(),
        } satisfies WorkResult),
    );
  });
  // The parent went away (Ctrl-C, killed): nothing left to report to.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
