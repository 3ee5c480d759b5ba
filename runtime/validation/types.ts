/**
 * The seam between the runtime and a response-schema checker. The runtime depends on undici only:
 * the checker (ajv and the spec's schemas) lives in the generated package (src/validation/), is
 * emitted only when the SDK was generated with `validation: { responses: true }`, and is loaded
 * with a dynamic import on the first call that validates, so a client with `validate: 'off'`
 * never loads it.
 */

/** `off`: no checks (default). `warn`: log mismatches, return the data. `strict`: raise ResponseValidationError. */
export type ValidateMode = 'off' | 'warn' | 'strict';

export const VALIDATE_MODES: readonly ValidateMode[] = ['off', 'warn', 'strict'];

import type { Attempt } from '../errors.js';

export type { ResponseChecker, ResponseSchemas, SchemaIssue } from '../descriptor.js';

/** Where the body came from, for the message and the error's fields. */
export interface ValidatedResponse {
  readonly operationId: string;
  readonly status: number;
  readonly method: string;
  /** Redacted. */
  readonly url: string;
  readonly requestId: string | undefined;
  readonly attempts: readonly Attempt[];
}

/** Checks one decoded body; throws ResponseValidationError in strict mode. */
export type BodyValidator = (body: unknown, response: ValidatedResponse) => void;
