/**
 * TypeScript type expressions for an operation's params and result, written as indexed accesses
 * into openapi-typescript's `paths` so the spec's types have exactly one source of truth.
 */
import type { OperationModel, SuccessResponseModel } from '../model/index.js';
import { docText, stringLiteral, typePropertyKey } from './escape.js';
import { BODY_KEY } from '../model/request-body.js';

/** The runtime types a resource file may need, collected while building expressions. */
export interface TypeUses {
  readonly runtime: Set<string>;
  readonly models: Set<string>;
  paths: boolean;
}

export function newTypeUses(): TypeUses {
  return { runtime: new Set(), models: new Set(), paths: false };
}

const indexKey = (key: string) => (/^\d+$/.test(key) ? key : stringLiteral(key));

/** `paths["/pets"]["get"]`: the operation's type in types.ts. */
function operationType(op: OperationModel, uses: TypeUses): string {
  uses.paths = true;
  return `paths[${stringLiteral(op.path)}][${stringLiteral(op.method.toLowerCase())}]`;
}

function bodyType(op: OperationModel, uses: TypeUses): string {
  const body = op.body!;
  if (body.binary) {
    uses.runtime.add('Uploadable');
    return 'Uploadable';
  }
  if (body.text) return 'string';
  const base = `NonNullable<${operationType(op, uses)}["requestBody"]>["content"][${stringLiteral(body.mediaType)}]`;
  const uploads = body.binaryProperties ?? [];
  if (uploads.length === 0) return base;
  // Files in multipart bodies: openapi-typescript types `format: binary` as string, but callers
  // hand us Blobs, buffers and streams. A homomorphic mapped type keeps each key's optionality.
  uses.runtime.add('Uploadable');
  const keys = uploads.map(stringLiteral).join(' | ');
  return `{ [K in keyof ${base}]: K extends ${keys} ? Uploadable | readonly Uploadable[] : ${base}[K] }`;
}

/** The flat params object type: path, query, header and cookie params plus the body. */
export function paramsType(op: OperationModel, uses: TypeUses): string {
  const members: string[] = [];
  const seen = new Set<string>();
  const sectionOrder = { path: 0, query: 1, header: 2, cookie: 3 } as const;
  const params = [...op.params].sort((a, b) => sectionOrder[a.in] - sectionOrder[b.in]);
  for (const p of params) {
    // The same name in two locations shares one key (the runtime reads it for both); emitting it
    // twice is the duplicate-property error other generators ship.
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    const doc = docText([p.description, p.deprecated ? '@deprecated' : undefined]);
    const section = `${operationType(op, uses)}["parameters"][${stringLiteral(p.in)}]`;
    const type = `NonNullable<${section}>[${stringLiteral(p.name)}]`;
    const docLine = doc !== undefined ? `  /** ${doc.replace(/\n/g, ' ')} */\n` : '';
    members.push(`${docLine}  ${typePropertyKey(p.name)}${p.required ? '' : '?'}: ${type};`);
  }
  const parts: string[] = [];
  if (op.body?.placement === 'body') {
    members.push(`  ${BODY_KEY}${op.body.required ? '' : '?'}: ${bodyType(op, uses)};`);
  }
  if (members.length > 0) parts.push(`{\n${members.join('\n')}\n}`);
  if (op.body?.placement === 'flat') {
    // A nullable object body (`nullable: true`) still spreads its properties into the params
    // object; `null` cannot be spread, so it is not part of the params type.
    const type = `NonNullable<${bodyType(op, uses)}>`;
    parts.push(op.body.required ? type : `Partial<${type}>`);
  }
  return parts.length > 0 ? parts.join(' & ') : 'Record<string, never>';
}

function successBodyType(op: OperationModel, s: SuccessResponseModel, modelNames: ReadonlyMap<string, string>, uses: TypeUses): string {
  switch (s.kind) {
    case 'empty':
      return 'undefined';
    case 'text':
      return 'string';
    case 'binary':
      uses.runtime.add('BinaryResponse');
      return 'BinaryResponse';
    case 'ndjson': {
      // The media type's schema describes one line (as OpenAPI 3.2's itemSchema makes explicit).
      uses.runtime.add('JsonLinesStream');
      if (s.schemaName !== undefined && modelNames.has(s.schemaName)) {
        const alias = modelNames.get(s.schemaName)!;
        uses.models.add(alias);
        return `JsonLinesStream<${alias}>`;
      }
      return 'JsonLinesStream<unknown>';
    }
    case 'sse':
      // Event data arrives as the server's text: a type parameter would promise parsing nobody does.
      uses.runtime.add('EventStream');
      return 'EventStream';
    default: {
      if (s.schemaName !== undefined && modelNames.has(s.schemaName)) {
        const alias = modelNames.get(s.schemaName)!;
        uses.models.add(alias);
        return s.arrayOfSchema ? `${alias}[]` : alias;
      }
      return `${operationType(op, uses)}["responses"][${indexKey(s.status)}]["content"][${stringLiteral(s.mediaType!)}]`;
    }
  }
}

/** T of ApiPromise<T>: the union of the 2xx bodies; `void` when none has a body. */
export function resultType(op: OperationModel, modelNames: ReadonlyMap<string, string>, uses: TypeUses): string {
  const types = [...new Set(op.success.map((s) => successBodyType(op, s, modelNames, uses)))];
  if (types.length === 0 || types.every((t) => t === 'undefined')) return 'void';
  return types.join(' | ');
}

/** Item of PagePromise<Item>: the element type of the array at the items path. */
export function pageItemType(op: OperationModel, modelNames: ReadonlyMap<string, string>, uses: TypeUses): string {
  const first = op.success.find((s) => s.kind === 'json');
  const items = op.pagination?.items;
  const segments = items === undefined ? [] : items.replace(/^\$\.?/, '').split('.').filter(Boolean);
  if (first?.arrayOfSchema && segments.length === 0 && modelNames.has(first.schemaName!)) {
    const alias = modelNames.get(first.schemaName!)!;
    uses.models.add(alias);
    return alias;
  }
  if (!first) return 'unknown';
  let type = successBodyType(op, first, modelNames, uses);
  for (const segment of segments) type = `NonNullable<${type}>[${stringLiteral(segment)}]`;
  return `NonNullable<${type}>[number]`;
}
