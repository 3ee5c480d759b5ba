/**
 * sdkgen.config.yaml -> SdkgenConfig, in two steps because some defaults come from the spec:
 *   loadConfig()    reads and validates the file against config.schema.json (which ships, so
 *                   editors autocomplete it) and applies command-line overrides;
 *   resolveConfig() fills the spec-derived defaults (package name, version, client name) and
 *                   checks that operationIds named in the config exist.
 */
import { closestName, sameLetters } from './lib/did-you-mean.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from './config.schema.json' with { type: 'json' };
import { displayPath } from './load/display-path.js';
import { parseSource, type ParsedSource } from './load/parse.js';
import { decodeSegment, joinPointer, isObject } from './lib/json-pointer.js';
import { PATH_ITEM_METHODS } from './load/check-operations.js';
import { pascalWord, productWords } from './model/product-name.js';
import {
  InputError,
  type LoadedSpec,
  type OperationFilter,
  type PaginationConfig,
  type SdkgenConfig,
  type SourceLocation,
} from './types.js';

/** Looked up in the working directory when no -c is given. */
export const DEFAULT_CONFIG_FILE = 'sdkgen.config.yaml';
/** Output folder when neither config nor command line names one: a dedicated folder, never `.`. */
export const DEFAULT_OUTPUT_DIR = './sdk';
/** Version when info.version is not semver ("v1", "2023-10-01"): a pre-1.0 start, as npm init does. */
export const FALLBACK_PACKAGE_VERSION = '0.1.0';
/** Hooks on by default: an empty src/hooks.ts changes nothing at run time and shows where customisation goes. */
export const DEFAULT_HOOKS = true;
/** Client class name when the title has no usable letters. */
export const FALLBACK_CLIENT_NAME = 'Api';
/** Package name when the title has no usable letters. */
export const FALLBACK_PACKAGE_NAME = 'api-sdk';

/** The file's settings after validation; spec-derived defaults still open. */
export interface ConfigSettings {
  readonly configPath?: string;
  /** Absolute path of the spec. */
  readonly spec: string;
  /** Where the config names the spec, when the spec came from the config (for "file not found"). */
  readonly specDeclaredAt?: SourceLocation;
  /** Absolute output folder. */
  readonly output: string;
  readonly package: { readonly name?: string; readonly version?: string; readonly description?: string };
  readonly client: { readonly name?: string };
  readonly runtime: 'vendored' | 'package';
  readonly runtimePackage?: string;
  readonly defaults: SdkgenConfig['defaults'];
  readonly idempotency?: SdkgenConfig['idempotency'];
  readonly pagination: Readonly<Record<string, PaginationConfig>>;
  readonly errors?: SdkgenConfig['errors'];
  readonly names?: Readonly<Record<string, string>>;
  readonly validateResponses: boolean;
  readonly openapiTypescript: boolean;
  readonly allowRemoteRefs: boolean;
  readonly hooks: boolean;
  readonly preserve?: readonly string[];
  /** Absolute paths of the overlay documents, in order. */
  readonly overlays?: readonly string[];
  readonly include?: OperationFilter;
  readonly exclude?: OperationFilter;
  /** Position of a pointer inside the config file (undefined without a file). */
  locate(pointer: string): SourceLocation | undefined;
}

export interface ConfigOverrides {
  /** From the command line: relative to `cwd`, and winning over the file's. */
  readonly spec?: string;
  readonly output?: string;
  readonly allowRemoteRefs?: boolean;
  readonly cwd?: string;
}

/** The config file to use: the one given, else ./sdkgen.config.yaml when it exists. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) return resolve(cwd, explicit);
  const candidate = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

/** Raw file content as the schema describes it. */
interface RawConfig {
  spec?: string;
  output?: string;
  package?: { name?: string; version?: string; description?: string };
  client?: { name?: string };
  runtime?: 'vendored' | 'package';
  runtimePackage?: string;
  defaults?: {
    timeout?: { connect?: number | string; read?: number | string; total?: number | string };
    retry?: { maxRetries?: number };
  };
  idempotency?: { header: string; operations?: string[] };
  pagination?: Record<string, PaginationConfig>;
  errors?: { envelope?: string };
  names?: Record<string, string>;
  validation?: { responses?: boolean };
  preserve?: string[];
  hooks?: boolean;
  overlays?: string[];
  include?: OperationFilter;
  exclude?: OperationFilter;
  types?: { openapiTypescript?: boolean };
}

export async function loadConfig(
  configPath: string | undefined,
  overrides: ConfigOverrides = {},
): Promise<ConfigSettings> {
  const cwd = overrides.cwd ?? process.cwd();
  const source = configPath === undefined ? undefined : await readConfigSource(resolve(cwd, configPath));
  const raw = source ? validate(source) : {};
  const baseDir = source ? dirname(source.id) : cwd;
  const locate = (pointer: string) => source?.locate(pointer);
  const specInput =
    overrides.spec !== undefined
      ? resolve(cwd, overrides.spec)
      : raw.spec !== undefined
        ? resolve(baseDir, raw.spec)
        : undefined;
  if (specInput === undefined) {
    throw new InputError('no spec to generate from', {
      location: source ? { file: source.id, line: 1, col: 1 } : undefined,
      hint: `pass it as \`sdkgen generate <spec>\`, or set spec: in ${source ? displayPath(source.id) : DEFAULT_CONFIG_FILE}`,
    });
  }
  if ((raw.runtime ?? 'vendored') === 'package' && raw.runtimePackage === undefined) {
    throw new InputError('runtime: package needs runtimePackage, the npm package to import the runtime from', {
      location: locate('/runtime'),
      pointer: '/runtime',
      hint: 'add runtimePackage: "@acme/sdk-runtime", or use runtime: vendored',
    });
  }
  const timeout = raw.defaults?.timeout;
  return {
    configPath: source?.id,
    spec: specInput,
    ...(overrides.spec === undefined && raw.spec !== undefined && { specDeclaredAt: locate('/spec') }),
    output:
      overrides.output !== undefined
        ? resolve(cwd, overrides.output)
        : resolve(baseDir, raw.output ?? DEFAULT_OUTPUT_DIR),
    package: raw.package ?? {},
    client: raw.client ?? {},
    runtime: raw.runtime ?? 'vendored',
    runtimePackage: raw.runtimePackage,
    defaults: {
      ...(timeout && {
        timeout: {
          ...(timeout.connect !== undefined && { connect: durationMs(timeout.connect) }),
          ...(timeout.read !== undefined && { read: durationMs(timeout.read) }),
          ...(timeout.total !== undefined && { total: durationMs(timeout.total) }),
        },
      }),
      ...(raw.defaults?.retry && { retry: { ...raw.defaults.retry } }),
    },
    idempotency: raw.idempotency,
    pagination: raw.pagination ?? {},
    errors: raw.errors,
    names: raw.names,
    validateResponses: raw.validation?.responses ?? false,
    openapiTypescript: raw.types?.openapiTypescript ?? false,
    allowRemoteRefs: overrides.allowRemoteRefs ?? false,
    hooks: raw.hooks ?? DEFAULT_HOOKS,
    ...(raw.preserve !== undefined && { preserve: raw.preserve }),
    ...(raw.overlays !== undefined && { overlays: raw.overlays.map((overlay) => resolve(baseDir, overlay)) }),
    ...(raw.include !== undefined && { include: raw.include }),
    ...(raw.exclude !== undefined && { exclude: raw.exclude }),
    locate,
  };
}

async function readConfigSource(path: string): Promise<ParsedSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new InputError(`config file not found: ${displayPath(path)}`, {
        hint: `check the -c path, or run without -c to use ./${DEFAULT_CONFIG_FILE} when it exists`,
      });
    }
    throw error;
  }
  return parseSource(text, path);
}

// Compiled on first use: a run without a config file should not pay for it.
let compiledValidator: ValidateFunction<RawConfig> | undefined;

function validate(source: ParsedSource): RawConfig {
  // strict catches mistakes in our schema; union types are how a duration is "number or string".
  compiledValidator ??= new Ajv({
    allErrors: false,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
  }).compile<RawConfig>(configSchema);
  const validator = compiledValidator;
  // An empty file is an empty config.
  const value = source.value ?? {};
  if (validator(value)) return value;
  const error = validator.errors?.[0];
  if (!error) return value as RawConfig;
  throw configError(error, source);
}

function configError(error: ErrorObject, source: ParsedSource): InputError {
  const file = displayPath(source.id);
  const keyPath = (pointer: string) => pointer.split('/').slice(1).map(decodeSegment).join('.') || '(top level)';
  if (error.keyword === 'additionalProperties') {
    const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
    const pointer = joinPointer(error.instancePath, unknown);
    const known = Object.keys(
      (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
    ).filter((k) => k !== '$schema');
    const suggestion = closestName(unknown, known, sameLetters);
    return new InputError(`unknown key "${keyPath(pointer)}" in ${file}`, {
      location: source.locate(pointer, 'key'),
      pointer,
      hint: suggestion
        ? `did you mean "${suggestion}"? Valid keys here: ${known.join(', ')}`
        : `valid keys here: ${known.join(', ')}`,
    });
  }
  const where = keyPath(error.instancePath);
  const location = source.locate(error.instancePath);
  const isDuration = /\/timeout\//.test(error.instancePath);
  if (isDuration) {
    return new InputError(`${where} in ${file} is not a duration`, {
      location,
      pointer: error.instancePath,
      hint: 'write a duration like 500ms, 10s or 2m, or a number of milliseconds',
    });
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return new InputError(`${where} in ${file} needs "${missing}"`, {
      location,
      pointer: error.instancePath,
      hint: `add ${missing}: to ${where}`,
    });
  }
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const message = allowed ? `must be one of: ${allowed.join(', ')}` : (error.message ?? 'is invalid');
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return new InputError(`${where} in ${file} ${message}`, {
    location,
    pointer: error.instancePath,
    hint: description ?? 'see config.schema.json for the accepted values',
  });
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/** `10s` -> 10000; numbers are milliseconds already. The schema has checked the shape. */
export function durationMs(input: number | string): number {
  if (typeof input === 'number') return input;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(input);
  if (!match) throw new InputError(`invalid duration "${input}"`, { hint: 'write 500ms, 10s or 2m' });
  return Math.round(Number(match[1]) * DURATION_UNITS_MS[match[2]!]!);
}

/** Fills the defaults that come from the spec and checks operationIds named in the config. */
export function resolveConfig(settings: ConfigSettings, spec: LoadedSpec): SdkgenConfig {
  checkOperationIds(settings, spec);
  const title = spec.document.info.title;
  const version = String(spec.document.info.version);
  const serverUrl = firstServerUrl(spec.document);
  return {
    spec: settings.spec,
    output: settings.output,
    package: {
      name: settings.package.name ?? packageNameFromTitle(title, serverUrl),
      version: settings.package.version ?? (SEMVER.test(version) ? version : FALLBACK_PACKAGE_VERSION),
      ...(settings.package.description !== undefined && { description: settings.package.description }),
    },
    client: { name: settings.client.name ?? clientNameFromTitle(title, serverUrl) },
    runtime: settings.runtime,
    ...(settings.runtimePackage !== undefined && { runtimePackage: settings.runtimePackage }),
    defaults: settings.defaults,
    ...(settings.idempotency && { idempotency: settings.idempotency }),
    pagination: settings.pagination,
    ...(settings.errors && { errors: settings.errors }),
    ...(settings.names && { names: settings.names }),
    ...(settings.configPath !== undefined && { configPath: settings.configPath }),
    validateResponses: settings.validateResponses,
    ...(settings.openapiTypescript && { openapiTypescript: true }),
    allowRemoteRefs: settings.allowRemoteRefs,
    hooks: settings.hooks,
    ...(settings.preserve !== undefined && { preserve: settings.preserve }),
  };
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-.]+)?(\+[0-9A-Za-z-.]+)?$/;

/** The first server's URL (OpenAPI 3 `servers`, or Swagger 2's `host`): another source of the product name. */
function firstServerUrl(document: Record<string, unknown>): string | undefined {
  const servers = document.servers;
  if (Array.isArray(servers) && isObject(servers[0]) && typeof servers[0].url === 'string') return servers[0].url;
  return typeof document.host === 'string' ? `https://${document.host}` : undefined;
}

/** "Pet Store" -> "pet-store"; "GitHub's official OpenAPI spec" -> "github": lowercase and dashed, as npm requires. */
export function packageNameFromTitle(title: string, serverUrl?: string): string {
  const name = productWords(title, serverUrl).join('-').toLowerCase().slice(0, 214).replace(/-+$/, '');
  return name === '' ? FALLBACK_PACKAGE_NAME : name;
}

/** Names a generated client must not take: they would shadow the runtime class or JS globals. */
const RESERVED_CLIENT_NAMES = new Set([
  'Client',
  'Error',
  'Object',
  'Promise',
  'Function',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Map',
  'Set',
  'Date',
  'Response',
  'Request',
  'Headers',
]);

/** "Pet Store" -> "PetStore"; "2fa codes" -> "Api2faCodes"; nothing usable -> "Api". */
export function clientNameFromTitle(title: string, serverUrl?: string): string {
  let name = productWords(title, serverUrl).map(pascalWord).join('');
  if (name === '') return FALLBACK_CLIENT_NAME;
  if (/^[0-9]/.test(name)) name = FALLBACK_CLIENT_NAME + name;
  return RESERVED_CLIENT_NAMES.has(name) ? `${name}Api` : name;
}

function checkOperationIds(settings: ConfigSettings, spec: LoadedSpec): void {
  const known = new Set<string>();
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const method of PATH_ITEM_METHODS) {
      const operation = item[method];
      if (isObject(operation) && typeof operation.operationId === 'string') known.add(operation.operationId);
    }
  }
  const named: [string, string][] = [
    ...Object.keys(settings.pagination).map((id) => [id, joinPointer('/pagination', id)] as [string, string]),
    ...Object.keys(settings.names ?? {}).map((id) => [id, joinPointer('/names', id)] as [string, string]),
    ...(settings.idempotency?.operations ?? []).map(
      (id, index) => [id, `/idempotency/operations/${index}`] as [string, string],
    ),
  ];
  for (const [operationId, pointer] of named) {
    if (known.has(operationId)) continue;
    const suggestion = closestName(operationId, [...known], sameLetters);
    throw new InputError(`the config names operationId "${operationId}", which the spec does not have`, {
      location: settings.locate(pointer),
      pointer,
      hint: suggestion ? `did you mean "${suggestion}"?` : 'use an operationId from the spec (see its paths)',
    });
  }
}
