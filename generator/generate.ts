/**
 * The pipeline, one direction: load -> model -> emit -> write. Each phase is timed for the
 * progress display and the --json summary; nothing touches the disk before `write`.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findConfigFile, loadConfig, resolveConfig } from './config.js';
import { loadSpec } from './load/index.js';
import { InputError, type GeneratedFiles } from './types.js';
import { writeOutput, type DriftEntry } from './write.js';

export type Phase = 'load' | 'model' | 'emit' | 'write';
export const PHASES: readonly Phase[] = ['load', 'model', 'emit', 'write'];

export interface GenerateOptions {
  /** Spec path from the command line (relative to cwd); wins over the config's `spec`. */
  readonly spec?: string;
  /** Output folder from the command line (relative to cwd); wins over the config's `output`. */
  readonly output?: string;
  /** Config file from -c; without it ./sdkgen.config.yaml is used when present. */
  readonly config?: string;
  /** Compare with the files on disk instead of writing. */
  readonly check: boolean;
  readonly allowRemoteRefs: boolean;
  /** Folder local `$ref`s may read from (relative to cwd); default: the spec's folder. */
  readonly refRoot?: string;
  /** Base of relative command-line paths; the process's cwd by default. */
  readonly cwd?: string;
}

export interface ProgressReporter {
  phaseStarted(phase: Phase): void;
  /** `detail` is a short count, e.g. "5 operations, 2 resources". */
  phaseDone(phase: Phase, detail: string, durationMs: number): void;
}

export interface GenerateResult {
  readonly specPath: string;
  readonly configPath?: string;
  readonly outDir: string;
  readonly check: boolean;
  readonly operations: number;
  readonly resources: number;
  /** Parameters a caller could not set (a params-object key shared with another); always 0. */
  readonly parametersLost: number;
  readonly files: number;
  /** Milliseconds per phase, plus the total. */
  readonly durations: Readonly<Record<Phase | 'total', number>>;
  readonly drift: readonly DriftEntry[];
  /** Whether the output folder was (re)written; false in check mode or when up to date. */
  readonly written: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export async function generate(options: GenerateOptions, progress?: ProgressReporter): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const durations: Record<Phase | 'total', number> = { load: 0, model: 0, emit: 0, write: 0, total: 0 };
  const started = performance.now();
  const timed = async <T>(phase: Phase, run: () => T | Promise<T>, describe: (value: T) => string): Promise<T> => {
    progress?.phaseStarted(phase);
    const phaseStart = performance.now();
    const value = await run();
    durations[phase] = Math.round(performance.now() - phaseStart);
    progress?.phaseDone(phase, describe(value), durations[phase]);
    return value;
  };

  const { spec, config } = await timed(
    'load',
    async () => {
      const settings = await loadConfig(findConfigFile(options.config, cwd), {
        spec: options.spec,
        output: options.output,
        allowRemoteRefs: options.allowRemoteRefs,
        cwd,
      });
      const refRoot = options.refRoot === undefined ? undefined : resolve(cwd, options.refRoot);
      const loaded = await loadSpec(settings.spec, { allowRemoteRefs: settings.allowRemoteRefs, refRoot }).catch((error: unknown) => {
        // An unreadable entry file has no position of its own; the config line naming it is the place to fix.
        if (error instanceof InputError && !error.details.location && settings.specDeclaredAt) {
          throw new InputError(error.message, {
            ...error.details,
            location: settings.specDeclaredAt,
            hint: 'spec: is relative to the config file; fix the path there, or pass the spec as `sdkgen generate <spec>`',
          });
        }
        throw error;
      });
      return { spec: loaded, config: resolveConfig(settings, loaded) };
    },
    ({ spec: loaded }) => `OpenAPI ${loaded.originalVersion}${loaded.originalVersion === '2.0' ? ' (upgraded to 3.0)' : ''}`,
  );
  // model/ and emit/ (openapi-typescript, which loads TypeScript) are imported only once the input
  // is known to be good: bad input is reported fast, and never hidden behind a failure to load them.
  const model = await timed(
    'model',
    async () => (await import('./model/index.js')).buildModel(spec, config),
    (built) => `${plural(built.operations.length, 'operation')}, ${plural(built.resources.length, 'resource')}`,
  );
  const files: GeneratedFiles = await timed(
    'emit',
    async () => (await import('./emit/index.js')).emitPackage(model, spec, config),
    (emitted) => plural(emitted.size, 'file'),
  );
  const written = await timed(
    'write',
    () => writeOutput(config.output, files, { check: options.check }),
    (result) =>
      options.check
        ? result.drift.length === 0
          ? 'up to date'
          : `${plural(result.drift.length, 'file')} differ`
        : result.written
          ? `${plural(result.files, 'file')} written`
          : 'up to date, nothing written',
  );
  durations.total = Math.round(performance.now() - started);
  return {
    specPath: spec.sourcePath,
    ...(config.configPath !== undefined && { configPath: config.configPath }),
    outDir: written.outDir,
    check: options.check,
    operations: model.operations.length,
    resources: model.resources.length,
    parametersLost: model.parametersLost,
    files: written.files,
    durations,
    drift: written.drift,
    written: written.written,
  };
}
