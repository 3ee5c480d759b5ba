/**
 * The SDK surface: what users compile against, read from the ApiModel (names, placement, kinds)
 * and the raw schemas (shapes), never from emitted text, so it does not move when the way types
 * are printed changes. Plain JSON, so the manifest can record it and the next run compare.
 */
import type { LoadedSpec } from '../types.js';
import type { ApiModel, OperationModel } from '../model/index.js';
import { isObject, joinPointer, setOwn, type JsonObject } from '../lib/json-pointer.js';
import { RefResolver } from '../model/refs.js';
import { ShapeReader, type Shape } from './shape.js';

/** Bumped when the stored shape changes meaning; an older surface is then not compared. */
export const SURFACE_FORMAT = 1;

export interface ParamSurface {
  readonly in: string;
  readonly required?: true;
  readonly shape: Shape;
}

export interface OperationSurface {
  /** `resource.method` or `method` (on the client itself): what users call. */
  readonly call: string;
  readonly method: string;
  readonly path: string;
  readonly deprecated?: true;
  /** Keyed by the name in the flat params object. */
  readonly params: Readonly<Record<string, ParamSurface>>;
  readonly body?: {
    readonly required?: true;
    readonly placement: 'flat' | 'body';
    readonly mediaType: string;
    readonly shape: Shape;
  };
  /** The first 2xx response: how it is read, and its JSON shape. */
  readonly response?: { readonly kind: string; readonly shape?: Shape };
  /** Pagination style: the method returns a PagePromise instead of an ApiPromise. */
  readonly paginated?: string;
}

export interface SdkSurface {
  readonly format: number;
  readonly client: string;
  /** Server name (the `environment` option's value) -> URL. */
  readonly servers: Readonly<Record<string, string>>;
  /** Security scheme name (a key of the `auth` option) -> what it takes, e.g. `http bearer`. */
  readonly auth: Readonly<Record<string, string>>;
  /** Exported model type name -> the component schema it names. */
  readonly models: Readonly<Record<string, string>>;
  /** Keyed by operationId (or `METHOD path` when the spec has none). */
  readonly operations: Readonly<Record<string, OperationSurface>>;
  /** Component schemas, by their name under components.schemas. */
  readonly schemas: Readonly<Record<string, Shape>>;
}

export function operationIdentity(op: OperationModel): string {
  return op.hasOperationId ? op.id : `${op.method} ${op.path}`;
}

export function buildSurface(model: ApiModel, spec: LoadedSpec): SdkSurface {
  const refs = new RefResolver(spec);
  const reader = new ShapeReader(refs);
  const document = spec.document;
  const components =
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const schemas: Record<string, Shape> = {};
  for (const name of Object.keys(components).sort()) setOwn(schemas, name, reader.read(components[name]));
  const operations: Record<string, OperationSurface> = {};
  for (const op of model.operations)
    setOwn(operations, operationIdentity(op), operationSurface(op, spec, refs, reader));
  const auth: Record<string, string> = {};
  for (const name of [...model.securitySchemes.keys()].sort()) {
    const scheme = model.securitySchemes.get(name)!;
    setOwn(
      auth,
      name,
      scheme.type === 'http'
        ? `http ${scheme.scheme}`
        : scheme.type === 'apiKey'
          ? `apiKey in ${scheme.in} ${scheme.name}`
          : scheme.type,
    );
  }
  const servers: Record<string, string> = {};
  for (const server of model.servers) setOwn(servers, server.name, server.url);
  const models: Record<string, string> = {};
  for (const alias of model.models) setOwn(models, alias.name, alias.schemaName);
  return {
    format: SURFACE_FORMAT,
    client: model.clientName,
    servers,
    auth,
    models,
    operations: sortedRecord(operations),
    schemas,
  };
}

function operationSurface(
  op: OperationModel,
  spec: LoadedSpec,
  refs: RefResolver,
  reader: ShapeReader,
): OperationSurface {
  const raw = refs.lookup('#' + op.pointer);
  const operation = isObject(raw) ? raw : {};
  const pathItemPointer = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
  const pathItem = refs.lookup('#' + pathItemPointer);
  const paramSchemas = parameterSchemas(
    refs,
    isObject(pathItem) ? pathItem.parameters : undefined,
    operation.parameters,
  );
  const params: Record<string, ParamSurface> = {};
  for (const param of [...op.params].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const schema = paramSchemas.get(`${param.in}\u0000${param.name}`);
    setOwn(params, param.name, {
      in: param.in,
      ...(param.required ? { required: true as const } : {}),
      shape: reader.read(schema),
    });
  }
  const call = op.resource !== undefined ? `${op.resource}.${op.methodName}` : op.methodName;
  const success = op.success.find((s) => s.kind !== 'empty') ?? op.success[0];
  const responseSchema = success?.schemaPointer !== undefined ? refs.lookup('#' + success.schemaPointer) : undefined;
  return {
    call,
    method: op.method,
    path: op.path,
    ...(op.deprecated ? { deprecated: true as const } : {}),
    params,
    ...(op.body && {
      body: {
        ...(op.body.required ? { required: true as const } : {}),
        placement: op.body.placement,
        mediaType: op.body.mediaType,
        shape: reader.read(bodySchema(refs, operation, joinPointer(op.pointer, 'requestBody'), op.body.mediaType)),
      },
    }),
    ...(success && {
      response: { kind: success.kind, ...(responseSchema !== undefined ? { shape: reader.read(responseSchema) } : {}) },
    }),
    ...(op.pagination ? { paginated: op.pagination.style } : {}),
  };
}

/** Raw parameter schemas keyed `in\0name`, path-item first and overridden by the operation's. */
function parameterSchemas(refs: RefResolver, pathItemParams: unknown, operationParams: unknown): Map<string, unknown> {
  const schemas = new Map<string, unknown>();
  for (const list of [pathItemParams, operationParams]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const param = resolveLoosely(refs, entry);
      if (!param || typeof param.name !== 'string') continue;
      const content = isObject(param.content) ? param.content[Object.keys(param.content).sort()[0] ?? ''] : undefined;
      schemas.set(
        `${String(param.in)}\u0000${param.name}`,
        param.schema ?? (isObject(content) ? content.schema : undefined),
      );
    }
  }
  return schemas;
}

function bodySchema(refs: RefResolver, operation: JsonObject, _pointer: string, mediaType: string): unknown {
  const body = resolveLoosely(refs, operation.requestBody);
  const media = body && isObject(body.content) ? body.content[mediaType] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** The model has already validated these refs; a surface never throws on what it has built. */
function resolveLoosely(refs: RefResolver, value: unknown): JsonObject | undefined {
  let current = value;
  for (let hop = 0; hop < 8 && isObject(current) && typeof current.$ref === 'string'; hop++)
    current = refs.lookup(current.$ref);
  return isObject(current) ? current : undefined;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) setOwn(sorted, key, record[key]!);
  return sorted;
}
