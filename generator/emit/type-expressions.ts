/**
 * The per-operation declarations a resource file holds, printed from the model by SchemaPrinter:
 * the params interface, the named type of an inline 2xx body, the error type and its guard, and
 * the type expressions of a method's result and page items.
 */
import type { OperationModel, ParameterModel, SuccessResponseModel } from '../model/index.js';
import { parameterKey } from '../model/parameters.js';
import { isObject } from '../lib/json-pointer.js';
import { BODY_KEY } from '../model/request-body.js';
import { docText, jsDoc, stringLiteral, typePropertyKey } from './escape.js';
import { schemaDocLines, type SchemaPrinter } from './schema-printer.js';
import { unionDeclaration } from './code-writer.js';

/** The runtime types (and values) and models a file used, collected while printing it. */
export interface TypeUses {
  readonly runtime: Set<string>;
  /** Runtime exports used as values (`ApiError` in a guard), imported without `type`. */
  readonly values: Set<string>;
  readonly models: Set<string>;
}

export function newTypeUses(): TypeUses {
  return { runtime: new Set(), values: new Set(), models: new Set() };
}

const MEMBER_INDENT = '  ';

function parameterMember(p: ParameterModel, printer: SchemaPrinter): string {
  const key = parameterKey(p);
  const where =
    key !== p.name
      ? `Sent as the ${p.in} parameter ${JSON.stringify(p.name)} (the name is used in another location too).`
      : undefined;
  const docs = schemaDocLines(p.schema, {
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.deprecated ? { deprecated: true } : {}),
    example: p.example,
  });
  const type = p.schema !== undefined ? printer.type(p.schema, 'request', 1) : 'string';
  return `${jsDoc([...docs, where], MEMBER_INDENT)}${MEMBER_INDENT}${typePropertyKey(key)}${p.required ? '' : '?'}: ${type};`;
}

function bodyType(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string {
  const body = op.body!;
  if (body.binary) {
    uses.runtime.add('Uploadable');
    return 'Uploadable';
  }
  if (body.text) return 'string';
  return printer.type(body.schema, 'request', 1);
}

/** `export interface GetPetParams { ... }`: path, query, header and cookie params, then the body. */
export function paramsTypeDeclaration(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string {
  const sectionOrder = { path: 0, query: 1, header: 2, cookie: 3 } as const;
  const params = [...op.params].sort((a, b) => sectionOrder[a.in] - sectionOrder[b.in]);
  const members = params.map((p) => parameterMember(p, printer));
  if (op.body?.placement === 'body') {
    members.push(`${MEMBER_INDENT}${BODY_KEY}${op.body.required ? '' : '?'}: ${bodyType(op, printer, uses)};`);
  } else if (op.body?.placement === 'flat') {
    // The body's properties sit beside the parameters (none shares a key: the model checked).
    const uploads = new Set(op.body.binaryProperties ?? []);
    members.push(...printer.members(op.body.schema, 'request', 1, { allOptional: !op.body.required, uploads }));
  }
  const doc = `/** Parameters of \`${op.methodName}\` (${op.method} ${docText([op.path])}). */\n`;
  if (members.length === 0) return `${doc}export type ${op.paramsTypeName} = Record<string, never>;`;
  return `${doc}export interface ${op.paramsTypeName} {\n${members.join('\n')}\n}`;
}

/** True when the method takes no params argument at all: `getInventory(options?)`. */
export const takesNoParams = (op: OperationModel): boolean => op.params.length === 0 && op.body === undefined;

function successBodyType(op: OperationModel, s: SuccessResponseModel, printer: SchemaPrinter, uses: TypeUses): string {
  switch (s.kind) {
    case 'empty':
      return 'undefined';
    case 'text':
      return 'string';
    case 'binary':
      uses.runtime.add('BinaryResponse');
      return 'BinaryResponse';
    case 'ndjson':
      // The media type's schema describes one line (as OpenAPI 3.2's itemSchema makes explicit).
      uses.runtime.add('JsonLinesStream');
      return `JsonLinesStream<${s.schema !== undefined ? printer.type(s.schema, 'response') : 'unknown'}>`;
    case 'sse':
      // Event data arrives as the server's text: a type parameter would promise parsing nobody does.
      uses.runtime.add('EventStream');
      return 'EventStream';
    default:
      if (s.schema === undefined) return 'unknown';
      if (s.schemaName !== undefined || s.arrayOfSchema) return printer.type(s.schema, 'response');
      return op.responseTypeName ?? printer.type(s.schema, 'response');
  }
}

/** `export type GetInventoryResponse = ...;` for the inline JSON 2xx bodies, or ''. */
export function responseTypeDeclaration(op: OperationModel, printer: SchemaPrinter): string {
  if (op.responseTypeName === undefined) return '';
  const inline = op.success.filter(
    (s) => s.kind === 'json' && s.schema !== undefined && s.schemaName === undefined && !s.arrayOfSchema,
  );
  const doc = [`The 2xx body of \`${op.methodName}\` (${op.method} ${docText([op.path])}).`];
  if (inline.length === 1) {
    const resolved = printer.resolve(inline[0]!.schema);
    const description =
      isObject(resolved) && typeof resolved.description === 'string' ? resolved.description : undefined;
    return printer.declaration(op.responseTypeName, inline[0]!.schema, 'response', [description, ...doc]);
  }
  return `${jsDoc(doc)}export type ${op.responseTypeName} = ${[...new Set(inline.map((s) => printer.type(s.schema, 'response')))].join(' | ')};`;
}

/** The guard's test of `err.status`: the exact statuses in one `includes`, each range as a comparison; undefined with `default`. */
function statusCondition(statuses: readonly string[]): string | undefined {
  if (statuses.some((s) => !/^\d{3}$/.test(s) && !/^[1-5]XX$/i.test(s))) return undefined;
  const exact = statuses.filter((s) => /^\d{3}$/.test(s));
  const tests = statuses
    .filter((s) => /^[1-5]XX$/i.test(s))
    .map((s) => `(err.status >= ${s[0]}00 && err.status < ${Number(s[0]) + 1}00)`);
  if (exact.length === 1) tests.unshift(`err.status === ${exact[0]}`);
  else if (exact.length > 1) tests.unshift(`[${exact.join(', ')}].includes(err.status)`);
  if (tests.length === 1) return tests[0]!.replace(/^\((.*)\)$/, '$1');
  return `(${tests.join(' || ')})`;
}

/**
 * The error type (`GetPetError`: ApiError with the body each declared status carries) and its
 * guard (`isGetPetError(err)`), which narrows a caught error to it without a cast.
 */
export function errorTypeDeclarations(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string[] {
  if (op.errorTypeName === undefined) return [];
  uses.values.add('ApiError');
  const members = op.errors.map((e) => {
    const body = e.schema !== undefined ? printer.type(e.schema, 'response') : 'unknown';
    const error = `ApiError<${body}>`;
    return /^\d{3}$/.test(e.status) ? `(${error} & { readonly status: ${e.status} })` : error;
  });
  const statuses = op.errors.map((e) => e.status);
  const test = statusCondition(statuses);
  const condition = test === undefined ? '' : ` && ${test}`;
  const list = statuses.join(', ');
  const name = op.errorTypeName;
  const union = unionDeclaration(
    `export type ${op.errorTypeName} =`,
    members.length === 1 ? [members[0]!.replace(/^\((.*)\)$/, '$1')] : members,
  );
  return [
    `${jsDoc([`An error response \`${op.methodName}\` declares (${docText([list])}), with its body typed. Narrow a caught error with \`is${name}(err)\`.`])}${union}`,
    `${jsDoc([`True when \`err\` is an error response \`${op.methodName}\` declares (${docText([list])}); narrows \`err.body\`.`])}export function is${name}(err: unknown): err is ${name} {\n  return err instanceof ApiError${condition};\n}`,
  ];
}

/** T of ApiPromise<T>: the union of the 2xx bodies; `void` when none has a body. */
export function resultType(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string {
  const types = [...new Set(op.success.map((s) => successBodyType(op, s, printer, uses)))];
  if (types.length === 0 || types.every((t) => t === 'undefined')) return 'void';
  return types.join(' | ');
}

/** Item of PagePromise<Item>: the element type of the array at the items path. */
export function pageItemType(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string {
  const first = op.success.find((s) => s.kind === 'json');
  if (!first) return 'unknown';
  const items = op.pagination?.items;
  const segments =
    items === undefined
      ? []
      : items
          .replace(/^\$\.?/, '')
          .split('.')
          .filter(Boolean);
  if (first.arrayOfSchema && segments.length === 0)
    return printer.type((first.schema as { items: unknown }).items, 'response');
  let type = successBodyType(op, first, printer, uses);
  for (const segment of segments) type = `NonNullable<${type}>[${stringLiteral(segment)}]`;
  return `NonNullable<${type}>[number]`;
}
