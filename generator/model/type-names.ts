/**
 * Names of the type declarations the printer adds beside the models and params types: the
 * request view of a model (`PetInput`), an operation's inline 2xx body (`GetInventoryResponse`)
 * and its error type (`GetPetError`). Resolved after naming.ts, with every name it gave out
 * taken, through the same order-independent resolveNames: a spec's own `PetInput` schema keeps
 * its name and the view of `Pet` becomes `PetInputModel`.
 */
import type { Names } from './naming.js';
import type { RawOperation } from './operation.js';
import { encodeIdentifier, toPascalIdentifier } from './identifiers.js';
import { resolveNames, type NameRequest } from './resolve-names.js';
import { reservedTypeNames } from './reserved-names.js';

export interface TypeNames {
  /** components.schemas key -> request view name, for the schemas whose views differ. */
  readonly inputNames: ReadonlyMap<string, string>;
  /** Operation pointer -> inline response type name. */
  readonly responseTypeNames: ReadonlyMap<string, string>;
  /** Operation pointer -> error type name. */
  readonly errorTypeNames: ReadonlyMap<string, string>;
}

/** An operation whose 2xx JSON body is not simply a model (or an array of one) gets a named type. */
export function needsResponseType(op: Pick<RawOperation, 'success'>): boolean {
  return op.success.some((s) => s.kind === 'json' && s.schema !== undefined && s.schemaName === undefined);
}

export function needsErrorType(op: Pick<RawOperation, 'errors'>): boolean {
  return op.errors.some((e) => e.schema !== undefined);
}

/**
 * `ReadItemParams` -> `ReadItem`: response and error types share the params type's base, so the
 * three names of one operation read alike and inherit its stability rules (naming.ts).
 */
function typeBaseOf(names: Names, pointer: string): string {
  const params = names.paramsTypeNames.get(pointer)!;
  return params.endsWith('Params') && params.length > 'Params'.length
    ? params.slice(0, -'Params'.length)
    : toPascalIdentifier(names.operationKeys.get(pointer)!);
}

export function assignTypeNames(
  names: Names,
  ops: readonly RawOperation[],
  differing: readonly string[],
  clientName: string,
): TypeNames {
  const taken = new Set([
    ...reservedTypeNames(clientName),
    ...names.modelNames.values(),
    ...[...names.resources.values()].map((r) => r.className),
    ...names.paramsTypeNames.values(),
  ]);
  const requests: NameRequest[] = differing.map((schema) => {
    const model = names.modelNames.get(schema)!;
    return {
      id: `input:${schema}`,
      candidates: [`${model}Input`, `${model}InputModel`, `${encodeIdentifier(schema)}Input`],
    };
  });
  for (const op of ops) {
    const base = typeBaseOf(names, op.pointer);
    if (needsResponseType(op))
      requests.push({
        id: `response:${op.pointer}`,
        candidates: [`${base}Response`, `${base}ResponseBody`, `${encodeIdentifier(op.pointer)}Response`],
      });
    if (needsErrorType(op))
      requests.push({
        id: `error:${op.pointer}`,
        candidates: [`${base}Error`, `${base}ErrorResponse`, `${encodeIdentifier(op.pointer)}Error`],
      });
  }
  const resolved = resolveNames(requests, { taken });
  const pick = (prefix: string, keys: Iterable<string>) => {
    const out = new Map<string, string>();
    for (const k of keys) {
      const name = resolved.get(`${prefix}:${k}`);
      if (name !== undefined) out.set(k, name);
    }
    return out;
  };
  return {
    inputNames: pick('input', differing),
    responseTypeNames: pick(
      'response',
      ops.map((op) => op.pointer),
    ),
    errorTypeNames: pick(
      'error',
      ops.map((op) => op.pointer),
    ),
  };
}
