/**
 * `validate: 'off' | 'warn' | 'strict'`: checks 2xx JSON bodies against the spec's response schema.
 *
 * - The checker is loaded on the first call that validates (one shared load per client family)
 *   and awaited inside the call, so decoding can stay synchronous and lazy.
 * - `warn` logs the first mismatch of each operation and status at warn level and later ones at
 *   debug (a drifted field would otherwise log on every call), and returns the data. A value
 *   outside an `enum` is never reported in `warn`: APIs add enum values without a new spec version,
 *   and that is not a broken response (Speakeasy's open enums, Stainless' unknown variants).
 * - `strict` raises ResponseValidationError for any mismatch, unknown enum values included.
 * - Issues name the path and the keyword, never the value: a body may hold secrets.
 */
import { InvalidArgumentError, ResponseValidationError, SdkError } from '../errors.js';
import type { RuntimeLog } from '../policies/logging.js';
import type { CallStats } from '../policies/stats.js';
import type { EnvironmentVariables } from '../env.js';
import {
  VALIDATE_MODES,
  type BodyValidator,
  type ValidatedResponse,
  type ResponseChecker,
  type ResponseSchemas,
  type SchemaIssue,
  type ValidateMode,
} from './types.js';

/** Issues quoted in a message or log line; the error's `issues` holds up to MAX_ISSUES_KEPT. */
const MAX_ISSUES_IN_MESSAGE = 3;
/** Bound on issues kept per error: a 10,000-item array with one wrong field each is one problem, not 10,000. */
const MAX_ISSUES_KEPT = 20;

export type { BodyValidator, ValidatedResponse };

export function validateModeOf(value: unknown, fallback: ValidateMode = 'off'): ValidateMode {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (VALIDATE_MODES as readonly string[]).includes(value)) return value as ValidateMode;
  throw new InvalidArgumentError(
    `validate must be one of ${VALIDATE_MODES.map((m) => `'${m}'`).join(', ')}; got ${JSON.stringify(value)}`,
  );
}

/**
 * The client's mode. Resolution order: the `validate` option, env `<PREFIX>_VALIDATE`, 'off'.
 * The environment switches validation on without a code change (a staging deploy); so it never
 * breaks a client: an unknown value, or an SDK without schemas, is one warning and 'off'.
 * An explicit option that cannot be honoured throws instead (a programming error).
 */
export function clientValidateMode(
  option: unknown,
  envPrefix: string,
  validation: ResponseValidation,
  log: RuntimeLog,
  env: EnvironmentVariables,
): ValidateMode {
  if (option !== undefined) {
    const mode = validateModeOf(option);
    validation.assertAvailable(mode);
    return mode;
  }
  const variable = `${envPrefix}_VALIDATE`;
  const fromEnv = env[variable];
  if (fromEnv === undefined || fromEnv === '') return 'off';
  const mode = fromEnv.toLowerCase();
  if (!(VALIDATE_MODES as readonly string[]).includes(mode)) {
    log.warnOnce(
      `${variable}:${fromEnv}`,
      `${variable}=${JSON.stringify(fromEnv)} is not a validate mode (off, warn, strict); validation stays off`,
    );
    return 'off';
  }
  if (mode !== 'off' && !validation.available) {
    log.warnOnce(
      `${variable}:unavailable`,
      `${variable}=${mode} is ignored: this SDK was generated without response schemas (validation: { responses: true } in sdkgen.config.yaml)`,
    );
    return 'off';
  }
  return mode as ValidateMode;
}

/** One per client family (shared with withOptions-derived clients): the loaded checker and what was already warned. */
export class ResponseValidation {
  readonly #schemas: ResponseSchemas | undefined;
  readonly #apiName: string;
  #checker: Promise<ResponseChecker> | undefined;
  readonly #warned = new Set<string>();
  readonly #uncompilable = new Set<string>();

  constructor(apiName: string, schemas: ResponseSchemas | undefined) {
    this.#apiName = apiName;
    this.#schemas = schemas;
  }

  /** Whether the SDK carries response schemas. */
  get available(): boolean {
    return this.#schemas !== undefined;
  }

  /** Fails fast at construction: asking for validation from an SDK that carries no schemas is a setup error. */
  assertAvailable(mode: ValidateMode): void {
    if (mode !== 'off' && this.#schemas === undefined) {
      throw new InvalidArgumentError(
        `${this.#apiName}: validate: '${mode}' needs the spec's response schemas, and this SDK was generated without them; ` +
          "regenerate it with `validation: { responses: true }` in sdkgen.config.yaml, or use validate: 'off'",
      );
    }
  }

  /** The validator for one call, after loading the checker (undefined when mode is off). */
  async prepare(mode: ValidateMode, log: RuntimeLog, stats: CallStats): Promise<BodyValidator | undefined> {
    if (mode === 'off' || this.#schemas === undefined) return undefined;
    const schemas = this.#schemas;
    this.#checker ??= schemas.load().catch((error: unknown) => {
      throw new SdkError(
        `${this.#apiName}: could not load the response validator (${error instanceof Error ? error.message : String(error)}); is the ajv package installed?`,
        { cause: error },
      );
    });
    const checker = await this.#checker;
    return (body, response) => this.#check(checker, mode, log, stats, body, response);
  }

  #check(
    checker: ResponseChecker,
    mode: ValidateMode,
    log: RuntimeLog,
    stats: CallStats,
    body: unknown,
    response: ValidatedResponse,
  ): void {
    let issues: readonly SchemaIssue[] | undefined;
    const key = `${response.operationId} ${response.status}`;
    try {
      issues = checker(response.operationId, response.status, body);
    } catch (error) {
      // A schema ajv cannot compile (an exotic regex, a broken $ref) is the spec's problem, not the
      // response's: say so once, and let the data through in every mode.
      if (!this.#uncompilable.has(key)) {
        this.#uncompilable.add(key);
        log.warn(
          `[sdk] ${response.operationId}: cannot validate ${response.status} responses: the spec's schema does not compile (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      return;
    }
    if (issues === undefined || issues.length === 0) return;
    if (mode === 'warn') issues = issues.filter((issue) => issue.keyword !== 'enum');
    if (issues.length === 0) return;
    stats.recordSchemaMismatch(response.operationId);
    const summary = describeIssues(issues);
    const where = `${response.method} ${response.url}`;
    if (mode === 'strict') {
      throw new ResponseValidationError(
        `${this.#apiName}: ${response.operationId} returned a ${response.status} body that does not match the spec's schema (${where}): ${summary}`,
        {
          method: response.method,
          url: response.url,
          attempts: response.attempts,
          issues: issues.slice(0, MAX_ISSUES_KEPT),
          operationId: response.operationId,
          status: response.status,
          requestId: response.requestId,
          body,
        },
      );
    }
    const line = `[sdk] ${response.operationId}: ${response.status} body does not match the spec's schema (${where}${response.requestId ? `, request id ${response.requestId}` : ''}): ${summary}`;
    if (this.#warned.has(key)) {
      log.debug(line);
    } else {
      this.#warned.add(key);
      log.warn(`${line} (further mismatches of ${key} are logged at debug level)`);
    }
  }
}

function describeIssues(issues: readonly SchemaIssue[]): string {
  const quoted = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => `${i.path === '' ? '(root)' : i.path} ${i.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : '';
  return `${quoted.join('; ')}${more}`;
}
