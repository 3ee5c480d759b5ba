/**
 * src/validation/schemas.ts (with `validation: { responses: true }`): every 2xx JSON response
 * schema and what it references, as one JSON Schema 2020-12 document for the vendored ajv checker
 * (validation/ajv-checker.ts). Only schemas reachable from responses are shipped.
 *
 * Printed as `JSON.parse("...")` of one string literal: tsc does not infer a type for megabytes
 * of object literal (GitHub's bundle is ~2 MB), and V8 parses JSON faster than the same literal
 * as code. The string goes through stringLiteral, so a hostile spec stays inert data.
 */
import type { ApiModel } from '../model/index.js';
import { decodeRefSegment, escapeSegment, setOwn } from '../lib/json-pointer.js';
import { RefResolver } from '../model/refs.js';
import type { LoadedSpec } from '../types.js';
import { GENERATED_HEADER, stringLiteral } from './escape.js';
import { toJsonSchema } from './json-schema.js';

/** `$id` of the bundle document; refs inside it resolve against this. */
export const SCHEMA_BUNDLE_ID = 'sdkgen:responses';

interface Bundle {
  index: Record<string, Record<string, string>>;
  document: { $id: string; $defs: Record<string, unknown> };
}

/** A `$ref` as a canonical pointer (`/components/schemas/Pet`): percent- and ~-decoding undone once, then re-escaped. */
function canonicalPointer(ref: string): string | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => `/${escapeSegment(decodeRefSegment(s))}`)
    .join('');
}

/** A `$defs` key as it appears in a `$ref` fragment: the key escaped as one pointer segment, URI-encoded. */
function defsRef(key: string): string {
  return `#/$defs/${encodeURIComponent(escapeSegment(key))}`;
}

export function buildSchemaBundle(model: ApiModel, spec: LoadedSpec): Bundle {
  const resolver = new RefResolver(spec);
  const openapi = (spec.document as { openapi?: unknown }).openapi;
  const openapi30 = !(typeof openapi === 'string' && openapi.startsWith('3.1'));
  const defs = new Map<string, unknown>();
  const queue: string[] = [];
  const want = (pointer: string): void => {
    if (!defs.has(pointer)) {
      defs.set(pointer, undefined);
      queue.push(pointer);
    }
  };
  const options = {
    openapi30,
    lookup: (ref: string) => resolver.lookup(ref),
    ref: (ref: string) => {
      const pointer = canonicalPointer(ref);
      // A ref the bundler left outside the document (remote refs are refused before this): accept anything.
      if (pointer === undefined || resolver.lookup(`#${pointer}`) === undefined) return defsRef('');
      want(pointer);
      return defsRef(pointer);
    },
  };

  const index: Record<string, Record<string, string>> = {};
  for (const op of [...model.operations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const byStatus: Record<string, string> = {};
    for (const success of op.success) {
      if (success.kind !== 'json' || success.schemaPointer === undefined) continue;
      const pointer = canonicalPointer(`#${success.schemaPointer}`)!;
      want(pointer);
      setOwn(byStatus, success.status.toUpperCase(), pointer);
    }
    if (Object.keys(byStatus).length > 0) setOwn(index, op.id, byStatus);
  }
  while (queue.length > 0) {
    const pointer = queue.shift()!;
    defs.set(pointer, toJsonSchema(resolver.lookup(`#${pointer}`), options));
  }
  // '' is the accept-anything target of refs that lead nowhere.
  const $defs: Record<string, unknown> = { '': true };
  for (const key of [...defs.keys()].sort()) setOwn($defs, key, defs.get(key));
  return { index, document: { $id: SCHEMA_BUNDLE_ID, $defs } };
}

export function emitSchemasFile(model: ApiModel, spec: LoadedSpec): string {
  const bundle = buildSchemaBundle(model, spec);
  return (
    GENERATED_HEADER +
    `import type { ResponseSchemaBundle } from "./ajv-checker.js";\n\n` +
    `/** The spec's 2xx JSON response schemas as JSON Schema 2020-12 (see ajv-checker.ts). */\n` +
    `export const responseSchemaBundle: ResponseSchemaBundle = JSON.parse(${stringLiteral(JSON.stringify(bundle))});\n`
  );
}
