/**
 * Generates an SDK with the real pipeline (`generate()` of generator/generate.ts) into
 * .tmp/e2e/<name>/ (inside the repo, so the generated code resolves undici from the repo's
 * node_modules), imports its src/index.node.ts (the Node entry) through tsx, and finds generated methods by
 * `METHOD /path` through the generator's own model (so suites do not hard-code naming rules).
 *
 * When the pipeline cannot produce a working SDK yet, `generateSdk()` throws a
 * PipelineUnavailableError naming the stage that failed: the suites fail loudly, never skip.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { stringify as toYaml } from 'yaml';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const E2E_OUT_DIR = join(REPO_ROOT, '.tmp', 'e2e');

/** The pipeline (generator or runtime) cannot produce a working SDK for this suite yet. */
export class PipelineUnavailableError extends Error {
  override readonly name = 'PipelineUnavailableError';
  constructor(stage: string, detail: string, options?: { cause?: unknown }) {
    super(`[e2e] the sdkgen pipeline cannot produce a working SDK (${stage}): ${detail}`, options);
  }
}

/** What the suites need of the generator's model (generator/model/ir.ts). */
export interface ModelOperation {
  readonly key: string;
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly pointer: string;
  readonly resource?: string;
  readonly methodName: string;
  readonly params: readonly { readonly name: string; readonly in: string; readonly required: boolean }[];
  readonly body?: {
    readonly mediaType: string;
    readonly required: boolean;
    readonly placement: 'flat' | 'body';
    readonly properties?: readonly string[];
    readonly binary: boolean;
    readonly text: boolean;
  };
  readonly pagination?: { readonly style: string };
  readonly security?: readonly (readonly string[])[];
}

export interface ModelView {
  readonly clientName: string;
  readonly operations: readonly ModelOperation[];
  readonly securitySchemes: ReadonlyMap<string, unknown>;
}

export type SdkMethod = (params?: object, options?: object) => unknown;
export type SdkModule = Record<string, unknown>;
/** A generated client instance: resources are properties holding objects with methods. */
export type SdkClient = Record<string, unknown> & { close(): Promise<void> };

export interface GeneratedSdk {
  readonly name: string;
  readonly dir: string;
  readonly spec: string;
  /** The generated package's src/index.node.ts (the Node entry), imported. */
  readonly module: SdkModule;
  readonly model: ModelView;
  /** The document as the generator saw it (bundled, Swagger 2.0 upgraded). */
  readonly document: Record<string, unknown>;
  /** The generated client class (the export named like the model's client). */
  readonly Client: new (
    options?: object,
  ) => SdkClient;
  /** generate()'s own summary (operations, resources, files, durations). */
  readonly result: { operations: number; resources: number; files: number; durations: Record<string, number> };
  /** Wall-clock ms of generate() + import. */
  readonly generateMs: number;
  readonly importMs: number;
  /** The model operation for `GET /path` (throws when the spec has none). */
  operation(methodAndPath: string): ModelOperation;
  /** The generated method bound to its resource, for `GET /path`. */
  method(client: SdkClient, methodAndPath: string): SdkMethod;
  /** A generated error class by name (NotFoundError ...), from the generated package. */
  error(name: string): new (...args: never[]) => Error;
}

export interface GenerateSdkOptions {
  /** sdkgen.config.yaml contents (written next to the output and passed with -c). */
  readonly config?: Record<string, unknown>;
}

async function importStage<T>(relativePath: string, stage: string): Promise<T> {
  const file = join(REPO_ROOT, relativePath);
  if (!existsSync(file)) throw new PipelineUnavailableError(stage, `${relativePath} does not exist yet`);
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } catch (error) {
    throw new PipelineUnavailableError(stage, `importing ${relativePath} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

interface GenerateModule {
  generate(options: {
    spec?: string;
    output?: string;
    config?: string;
    check: boolean;
    allowRemoteRefs: boolean;
    cwd?: string;
  }): Promise<{ operations: number; resources: number; files: number; durations: Record<string, number> }>;
}
interface ConfigModule {
  loadConfig(
    path: string | undefined,
    overrides: { spec?: string; output?: string; allowRemoteRefs?: boolean; cwd?: string },
  ): Promise<unknown>;
  resolveConfig(settings: unknown, spec: unknown): unknown;
}
interface LoadModule {
  loadSpec(path: string, options: { allowRemoteRefs: boolean }): Promise<{ document: Record<string, unknown> }>;
}
interface ModelModule {
  buildModel(spec: unknown, config: unknown): ModelView & { resources: readonly unknown[] };
}

/** Generates `spec` into .tmp/e2e/<name>/ and imports it. */
export async function generateSdk(name: string, spec: string, options: GenerateSdkOptions = {}): Promise<GeneratedSdk> {
  const dir = join(E2E_OUT_DIR, name);
  mkdirSync(E2E_OUT_DIR, { recursive: true });
  let configPath: string | undefined;
  if (options.config) {
    configPath = join(E2E_OUT_DIR, `${name}.sdkgen.config.yaml`);
    writeFileSync(configPath, toYaml(options.config));
  }
  const { generate } = await importStage<GenerateModule>('generator/generate.ts', 'generator');
  const started = performance.now();
  let result: Awaited<ReturnType<GenerateModule['generate']>>;
  try {
    // cwd: the output's parent, so a stray ./sdkgen.config.yaml elsewhere is never picked up.
    result = await generate({
      spec,
      output: dir,
      check: false,
      allowRemoteRefs: false,
      cwd: E2E_OUT_DIR,
      ...(configPath && { config: configPath }),
    });
  } catch (error) {
    const e = error as Error & { details?: unknown };
    throw new PipelineUnavailableError(
      'generator',
      `generate(${spec}) threw ${e.name}: ${e.message}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`,
      { cause: error },
    );
  }
  const generateMs = performance.now() - started;

  // The model again, for method lookup by METHOD + path (the same stages generate() runs).
  const [{ loadConfig, resolveConfig }, { loadSpec }, { buildModel }] = await Promise.all([
    importStage<ConfigModule>('generator/config.ts', 'generator'),
    importStage<LoadModule>('generator/load/index.ts', 'generator'),
    importStage<ModelModule>('generator/model/index.ts', 'generator'),
  ]);
  const settings = await loadConfig(configPath, { spec, output: dir, allowRemoteRefs: false, cwd: E2E_OUT_DIR });
  const loaded = await loadSpec(spec, { allowRemoteRefs: false });
  const model = buildModel(loaded, resolveConfig(settings, loaded));

  const importStarted = performance.now();
  // The Node entry (index.node.ts: the runtime's Node features, then index.ts's exports).
  const index = join(dir, 'src', 'index.node.ts');
  if (!existsSync(index)) throw new PipelineUnavailableError('generator', `generate() wrote no ${index}`);
  let module: SdkModule;
  try {
    module = (await import(pathToFileURL(index).href)) as SdkModule;
  } catch (error) {
    throw new PipelineUnavailableError('generated code', `importing ${index} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const importMs = performance.now() - importStarted;
  const Client = module[model.clientName] as GeneratedSdk['Client'] | undefined;
  if (typeof Client !== 'function') {
    throw new PipelineUnavailableError(
      'generated code',
      `${index} exports no class ${model.clientName} (exports: ${Object.keys(module).join(', ')})`,
    );
  }

  const byRoute = new Map(model.operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));
  const operation = (methodAndPath: string): ModelOperation => {
    const op = byRoute.get(methodAndPath);
    if (!op) throw new Error(`the ${name} spec has no operation ${methodAndPath}`);
    return op;
  };
  return {
    name,
    dir,
    spec,
    module,
    model,
    document: loaded.document,
    Client,
    result,
    generateMs,
    importMs,
    operation,
    method(client, methodAndPath) {
      const op = operation(methodAndPath);
      const owner = (op.resource === undefined ? client : client[op.resource]) as Record<string, unknown> | undefined;
      const fn = owner?.[op.methodName];
      if (typeof fn !== 'function') {
        throw new PipelineUnavailableError(
          'generated code',
          `${methodAndPath}: client${op.resource ? `.${op.resource}` : ''}.${op.methodName} is not a function on the generated ${model.clientName}`,
        );
      }
      return (fn as SdkMethod).bind(owner);
    },
    error(errorName) {
      const ctor = module[errorName];
      if (typeof ctor !== 'function')
        throw new PipelineUnavailableError('generated code', `the generated package exports no ${errorName}`);
      return ctor as new (
        ...args: never[]
      ) => Error;
    },
  };
}

/**
 * Closes a client, bounded: a pool close waits for calls in flight, and one hung call must fail
 * its test, not keep the test process alive.
 */
export async function closeClient(client: { close(): Promise<void> } | undefined, ms = 5_000): Promise<void> {
  if (!client) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`client.close() did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([client.close(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `client.<resource>.<method>` as written in a report. */
export function describeMethod(op: ModelOperation): string {
  return `${op.resource ? `${op.resource}.` : ''}${op.methodName}`;
}
