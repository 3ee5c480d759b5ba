/**
 * Types shared by the generator's stages (load -> model -> emit -> write). Each stage imports
 * from here, never from a later stage, so the pipeline stays one-directional.
 */

/** A place in an input file, 1-based line and column, as editors and compilers print them. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Exit codes are part of the CLI's contract (README, `--help`). */
export const EXIT_OK = 0;
/** `--check` found files on disk that differ from what would be generated. */
export const EXIT_DRIFT = 1;
/** The spec or config is wrong: the user must fix their input. */
export const EXIT_BAD_INPUT = 2;
/** A bug in sdkgen: the user should report it. */
export const EXIT_INTERNAL = 3;

/**
 * Bad input: a spec or config the user must fix. The CLI prints it as one block, never with a
 * stack trace:
 *   error: <message>
 *     at <file>:<line>:<col>  (<JSON pointer>)
 *   fix: <hint>
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly details: {
      readonly location?: SourceLocation;
      /** JSON pointer into the document, e.g. `/paths/~1pets/get/responses/200`. */
      readonly pointer?: string;
      /** What the user should do about it. */
      readonly hint?: string;
    } = {},
  ) {
    super(message);
  }
}

/** An OpenAPI 3.x document as plain JSON data. The model reads it defensively. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths?: Record<string, unknown>;
  components?: Record<string, unknown>;
};

/** What `load` hands to `model` and `emit`. */
export interface LoadedSpec {
  /**
   * One self-contained OpenAPI 3.0/3.1 document: Swagger 2.0 already upgraded, external files
   * bundled in, so every `$ref` left is internal (`#/...`).
   */
  readonly document: OpenApiDocument;
  /** Absolute path of the entry file (never written into generated output). */
  readonly sourcePath: string;
  /** The version the file declared before any upgrade. */
  readonly originalVersion: '2.0' | '3.0' | '3.1';
  /**
   * Where a JSON pointer of `document` came from, computed lazily (only when an error needs it).
   * Undefined when it cannot be traced (e.g. a node created by the Swagger 2.0 upgrade).
   */
  locate(pointer: string): SourceLocation | undefined;
}

/** A duration in config: milliseconds as a number, or a string like `10s`, `500ms`, `2m`. */
export type DurationInput = number | string;

export interface PaginationConfig {
  readonly style: 'link' | 'cursor' | 'offset' | 'page' | 'url';
  readonly param?: string;
  readonly limitParam?: string;
  readonly next?: string;
  readonly items?: string;
}

/** `include:` / `exclude:` in the config: an operation matches when any list matches it. */
export interface OperationFilter {
  readonly tags?: readonly string[];
  /** Globs over the path template, e.g. `/repos/**`. */
  readonly paths?: readonly string[];
  readonly operations?: readonly string[];
}

/** sdkgen.config.yaml after validation, with durations converted to milliseconds. */
export interface SdkgenConfig {
  /** Absolute path of the spec. */
  readonly spec: string;
  /** Absolute output folder. */
  readonly output: string;
  readonly package: { readonly name: string; readonly version: string; readonly description?: string };
  readonly client: { readonly name: string };
  readonly runtime: 'vendored' | 'package';
  /** npm package imported when `runtime: package`. */
  readonly runtimePackage?: string;
  readonly defaults: {
    readonly timeout?: { readonly connect?: number; readonly read?: number; readonly total?: number };
    readonly retry?: { readonly maxRetries?: number };
  };
  readonly idempotency?: { readonly header: string; readonly operations?: readonly string[] };
  /** Keyed by operationId. */
  readonly pagination: Readonly<Record<string, PaginationConfig>>;
  readonly errors?: { readonly envelope?: string };
  /** Name overrides: operationId -> `resource.method` or `method`. */
  readonly names?: Readonly<Record<string, string>>;
  /** Absolute path of the config file, when there was one (for error locations). */
  readonly configPath?: string;
  /**
   * `validation.responses`: emit the response schemas (src/validation/) and depend on ajv, so the
   * client's `validate` option works. Off by default: GitHub's schemas alone are ~2 MB.
   */
  readonly validateResponses: boolean;
  /**
   * `types.openapiTypescript`: also emit openapi-typescript's `paths`/`components` (src/types.ts),
   * for users who pair the SDK with openapi-fetch. Off by default: the SDK's own types are printed
   * from the model (docs/types.md), and this file costs GitHub ~1.5 s of generation.
   */
  readonly openapiTypescript?: boolean;
  readonly allowRemoteRefs: boolean;
  /** `hooks:` src/hooks.ts (the user's, created once) wired into the client. Default true. */
  readonly hooks?: boolean;
  /** `preserve:` globs, relative to the output folder, sdkgen never overwrites or deletes. */
  readonly preserve?: readonly string[];
}

/** The output of emit: relative POSIX path -> file content. Sorted when written. */
export type GeneratedFiles = ReadonlyMap<string, string>;
