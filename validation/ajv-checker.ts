/**
 * Response validation with ajv, vendored into a generated SDK as src/validation/ajv-checker.ts
 * when it was generated with `validation: { responses: true }`. The runtime never imports this
 * file (it depends on undici alone); the SDK's ApiDescriptor loads it with a dynamic import on the
 * first validated call, so `validate: 'off'` costs nothing.
 *
 * Self-contained on purpose (it imports ajv only): the types below match the runtime's
 * ResponseChecker structurally, whatever path the runtime is imported from.
 *
 * Lazy: the schema document is added to ajv uncompiled; each (operation, status) schema is
 * compiled on its first response (compiling all of GitHub's 969 schemas up front takes seconds).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** What the generator emits in src/validation/schemas.ts. */
export interface ResponseSchemaBundle {
  /** operationId -> status (`200`, `2XX`) -> key in `document.$defs`. */
  readonly index: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** JSON Schema 2020-12 document: `$defs` keyed by the source JSON pointer, refs rewritten to point into it. */
  readonly document: { readonly $id: string; readonly $defs: Readonly<Record<string, unknown>> };
}

export interface CheckerIssue {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

export type Checker = (operationId: string, status: number, body: unknown) => readonly CheckerIssue[] | undefined;

/**
 * Options chosen for checking what a server sent, not for linting schemas:
 * - strict: false, validateSchema: false: real specs carry OpenAPI keywords (discriminator, xml)
 *   and small schema mistakes; a response is checked against what the schema says, leniently.
 * - validateFormats: false: `format` is an annotation in OpenAPI and the SDK's types ignore it
 *   too; servers' date-times and emails vary more than their types do.
 * - allErrors: true: `warn` filters enum issues out and must still see the rest.
 * - logger: false: ajv must not write to the console; the runtime logs through the client's logger.
 * - unicodeRegExp: false: spec `pattern`s are written for many engines; `\-` or `\=` outside a
 *   class is a syntax error under the `u` flag but means what the author meant without it.
 */
const AJV_OPTIONS = {
  strict: false,
  validateSchema: false,
  validateFormats: false,
  allErrors: true,
  logger: false,
  unicodeRegExp: false,
} as const;

export function createResponseChecker(bundle: ResponseSchemaBundle): Checker {
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addSchema(bundle.document as object);
  const compiled = new Map<string, ValidateFunction>();
  return (operationId, status, body) => {
    const byStatus = Object.hasOwn(bundle.index, operationId) ? bundle.index[operationId] : undefined;
    if (byStatus === undefined) return undefined;
    const exact = String(status);
    const range = `${exact[0]}XX`;
    const key = Object.hasOwn(byStatus, exact)
      ? byStatus[exact]
      : Object.hasOwn(byStatus, range)
        ? byStatus[range]
        : undefined;
    if (key === undefined) return undefined;
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.getSchema(`${bundle.document.$id}#/$defs/${pointerSegment(key)}`);
      if (validate === undefined) throw new Error(`no schema at ${key}`);
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(toIssue);
  };
}

function toIssue(error: ErrorObject): CheckerIssue {
  const params = error.params as Record<string, unknown>;
  // Name the property (a key from the schema or the body's shape), never a value.
  const extra =
    error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string'
      ? ` (${JSON.stringify(params.additionalProperty)})`
      : '';
  return { path: error.instancePath, keyword: error.keyword, message: `${error.message ?? error.keyword}${extra}` };
}

/** RFC 6901 escaping, then URI-encoding for the fragment. */
function pointerSegment(key: string): string {
  return encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
}
