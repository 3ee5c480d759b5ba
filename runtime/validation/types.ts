/**
 * The seam between the runtime and a response-schema checker. The runtime depends on undici only:
 * the checker (ajv and the spec's schemas) lives in the generated package (src/validation/), is
 * emitted only when the SDK was generated with `validation: { responses: true }`, and is loaded
 * with a dynamic import on the first call that validates, so a client with `validate: 'off'`
 * never loads it.
 */
import type { ResponseValidationIssue } from '../errors.js';

/** `off`: no checks (default). `warn`: log mismatches, return the data. `strict`: raise ResponseValidationError. */
export type ValidateMode = 'off' | 'warn' | 'strict';

export const VALIDATE_MODES: readonly ValidateMode[] = ['off', 'warn', 'strict'];

/** One way a body differs from its schema (path and keyword; never the value, which may be a secret). */
export type SchemaIssue = ResponseValidationIssue;

/**
 * Checks a decoded 2xx body of an operation (by operation id) against the spec's schema for that
 * status: `undefined` when the spec has no schema for it, `[]` when the body conforms. Throws when
 * the schema itself cannot be compiled.
 */
export type ResponseChecker = (operationId: string, status: number, body: unknown) => readonly SchemaIssue[] | undefined;

/** What a generated SDK with response schemas puts in its ApiDescriptor. */
export interface ResponseSchemas {
  /** Loads ajv and the schemas; called once per client family, on first use. */
  readonly load: () => Promise<ResponseChecker>;
}
