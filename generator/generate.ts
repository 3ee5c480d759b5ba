/**
 * The pipeline, one direction: load -> model -> emit -> write. Each phase is timed for the
 * progress display and the --json summary; nothing touches the disk before `write`.
 */
import { plural } from './lib/text.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findConfigFile, loadConfig, resolveConfig } from './config.js';
import { loadSpec } from './load/index.js';
import { filterOperations } from './load/filter.js';
import { InputError, type GeneratedFiles, type LoadedSpec, type SdkgenConfig, type SourceLocation } from './types.js';
import type { ApiModel } from './model/index.js';
import { writeOutput, type DriftEntry, type UserFile, type WriteResult } from './write.js';
import type { ReleasePlan } from './diff/release.js';

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
  /** Compare the SDK surface with the one recorded in the output; add a CHANGELOG.md section. */
  readonly changelog?: boolean;
  /** With the changelog: write the suggested next version into package.json. */
  readonly bump?: boolean;
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
  /** Each operation's method as called: operationId (or `METHOD path`) -> `resource.method`. */
  readonly names: Readonly<Record<string, string>>;
  /** Parameters a caller could not set (a params-object key shared with another); always 0. */
  readonly parametersLost: number;
  readonly files: number;
  /** Milliseconds per phase, plus the total. */
  readonly durations: Readonly<Record<Phase | 'total', number>>;
  readonly drift: readonly DriftEntry[];
  /** Whether the output folder was (re)written; false in check mode or when up to date. */
  readonly written: boolean;
  /** With --changelog: the surface change since the recorded one, and the versions. */
  readonly release?: Omit<ReleasePlan, 'userFiles'>;
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

  const {
    spec,
    config: resolvedConfig,
    versionSetAt,
  } = await timed(
    'load',
    () => loadInput(options, cwd),
    ({ spec: loaded }) =>
      `OpenAPI ${loaded.originalVersion}${loaded.originalVersion === '2.0' ? ' (upgraded to 3.0)' : ''}`,
  );
  // model/ and emit/ (openapi-typescript, which loads TypeScript) are imported only once the input
  // is known to be good: bad input is reported fast, and never hidden behind a failure to load them.
  const model = await timed(
    'model',
    async () => (await import('./model/index.js')).buildModel(spec, resolvedConfig),
    (built) => `${plural(built.operations.length, 'operation')}, ${plural(built.resources.length, 'resource')}`,
  );
  const { config, release } = await withRelease(options, model, spec, resolvedConfig, versionSetAt);
  const emitted: GeneratedFiles = await timed(
    'emit',
    async () => (await import('./emit/index.js')).emitPackage(model, spec, config),
    (files) => plural(files.size, 'file'),
  );
  const { files, userFiles } = await splitUserFiles(emitted, release?.userFiles);
  const written = await timed(
    'write',
    () =>
      writeOutput(config.output, files, {
        check: options.check,
        userFiles,
        ...(config.preserve && { preserve: config.preserve }),
      }),
    (result) => describeWrite(result, options.check),
  );
  durations.total = Math.round(performance.now() - started);
  return {
    specPath: spec.sourcePath,
    ...(config.configPath !== undefined && { configPath: config.configPath }),
    outDir: written.outDir,
    check: options.check,
    operations: model.operations.length,
    resources: model.resources.length,
    names: Object.fromEntries(
      (await import('./model/names-listing.js')).methodListing(model).map((m) => [m.key, m.call]),
    ),
    parametersLost: model.parametersLost,
    files: written.files,
    durations,
    drift: written.drift,
    written: written.written,
    ...(release && { release: withoutFiles(release) }),
  };
}

/** The load phase: the config, then the spec (loaded, overlaid, filtered) and the resolved config. */
async function loadInput(
  options: GenerateOptions,
  cwd: string,
): Promise<{ spec: LoadedSpec; config: SdkgenConfig; versionSetAt: VersionSetAt }> {
  const settings = await loadConfig(findConfigFile(options.config, cwd), {
    spec: options.spec,
    output: options.output,
    allowRemoteRefs: options.allowRemoteRefs,
    cwd,
  });
  const refRoot = options.refRoot === undefined ? undefined : resolve(cwd, options.refRoot);
  const loaded = await loadSpec(settings.spec, { allowRemoteRefs: settings.allowRemoteRefs, refRoot }).catch(
    (error: unknown) => {
      // An unreadable entry file has no position of its own; the config line naming it is the place to fix.
      if (error instanceof InputError && !error.details.location && settings.specDeclaredAt) {
        throw new InputError(error.message, {
          ...error.details,
          location: settings.specDeclaredAt,
          hint: 'spec: is relative to the config file; fix the path there, or pass the spec as `sdkgen generate <spec>`',
        });
      }
      throw error;
    },
  );
  // Overlays, then filters: the spec the rest of the pipeline sees is the publisher's.
  // Imported only when used: its JSONPath library costs ~50 ms to load, on every run otherwise.
  if (settings.overlays) await (await import('./load/overlay.js')).applyOverlays(loaded, settings.overlays);
  filterOperations(loaded, settings);
  const versionSetAt =
    settings.package.version === undefined
      ? undefined
      : (settings.locate('/package/version') ?? ('set without a file' as const));
  return { spec: loaded, config: resolveConfig(settings, loaded), versionSetAt };
}

/** Where the config set package.version; `undefined` when it did not. */
type VersionSetAt = SourceLocation | 'set without a file' | undefined;

/**
 * With --changelog or --bump: the release plan, and the config with its version. Otherwise the
 * config with the version a --bump recorded in the output, when the config sets none.
 */
async function withRelease(
  options: GenerateOptions,
  model: ApiModel,
  spec: LoadedSpec,
  resolvedConfig: SdkgenConfig,
  versionSetAt: VersionSetAt,
): Promise<{ config: SdkgenConfig; release: ReleasePlan | undefined }> {
  let config: SdkgenConfig = resolvedConfig;
  let release: ReleasePlan | undefined;
  if (options.changelog || options.bump) {
    const { planRelease } = await import('./diff/release.js');
    release = await planRelease({
      model,
      spec,
      outDir: config.output,
      configVersion: config.package.version,
      versionSetAt,
      bump: options.bump === true,
    });
    config = withVersion(config, release.packageVersion);
  } else if (versionSetAt === undefined) {
    config = withVersion(config, (await recordedVersion(config.output)) ?? config.package.version);
  }
  return { config, release };
}

function describeWrite(result: WriteResult, check: boolean): string {
  return check
    ? result.drift.length === 0
      ? 'up to date'
      : `${plural(result.drift.length, 'file')} differ`
    : result.written
      ? `${plural(result.files, 'file')} written`
      : 'up to date, nothing written';
}

function withoutFiles({ userFiles: _files, ...summary }: ReleasePlan): Omit<ReleasePlan, 'userFiles'> {
  return summary;
}

function withVersion(config: SdkgenConfig, version: string): SdkgenConfig {
  return version === config.package.version ? config : { ...config, package: { ...config.package, version } };
}

/** The version a --bump recorded (only when a --changelog run left its record in the output). */
async function recordedVersion(outDir: string): Promise<string | undefined> {
  const { SURFACE_FILE } = await import('./diff/changelog.js');
  if (!existsSync(join(outDir, SURFACE_FILE))) return undefined;
  return (await import('./diff/release.js')).recordedPackageVersion(outDir);
}

/** Emitted files the user owns once they exist (src/hooks.ts) become `create` user files. */
async function splitUserFiles(
  emitted: GeneratedFiles,
  release: ReadonlyMap<string, UserFile> | undefined,
): Promise<{ files: GeneratedFiles; userFiles: Map<string, UserFile> }> {
  const { USER_OWNED_FILES } = await import('./emit/index.js');
  const files = new Map<string, string>();
  const userFiles = new Map<string, UserFile>(release ?? []);
  for (const [path, content] of emitted) {
    if (USER_OWNED_FILES.has(path)) userFiles.set(path, { mode: 'create', content });
    else files.set(path, content);
  }
  return { files, userFiles };
}
