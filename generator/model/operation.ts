/** Operation Object -> everything about an operation except its final names (see naming.ts). */
import type { LoadedSpec, SdkgenConfig } from '../types.js';
import type { HttpMethod, SecurityRequirement, SecuritySchemeDescriptor } from '../../runtime/descriptor.js';
import type { OperationModel } from './ir.js';
import { mergeParameters } from './parameters.js';
import { readRequestBody } from './request-body.js';
import { readResponses } from './responses.js';
import { readSecurity } from './security.js';
import { readOperationSettings } from './extensions.js';
import { readServerList } from './servers.js';
import { isObject, joinPointer } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';

export const HTTP_METHODS: readonly HttpMethod[] = [
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
];

/** An operation before naming: names are decided for all operations at once. */
export type RawOperation = Omit<OperationModel, 'key' | 'resource' | 'methodName' | 'paramsTypeName'> & {
  /** Tag (or `x-sdk-group` / config group) that picks the resource; undefined = client root. */
  readonly group?: string;
  /** Explicit method name from `x-sdk-name` or config `names`. */
  readonly nameOverride?: string;
};

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function readOperation(
  spec: LoadedSpec,
  refs: RefResolver,
  config: SdkgenConfig,
  schemes: ReadonlyMap<string, SecuritySchemeDescriptor>,
  path: string,
  pathItem: Record<string, unknown>,
  pathItemPointer: string,
  method: HttpMethod,
): RawOperation {
  const pointer = joinPointer(pathItemPointer, method.toLowerCase());
  const operation = pathItem[method.toLowerCase()];
  if (!isObject(operation)) throw inputError(spec, pointer, 'an operation must be an object');
  const operationId = optionalString(operation.operationId);
  const id = operationId ?? `${method} ${path}`;

  const allParams = mergeParameters(spec, refs, pathItem.parameters, pathItemPointer, operation.parameters, pointer);
  const responses = readResponses(spec, refs, operation.responses, joinPointer(pointer, 'responses'));
  const settings = readOperationSettings(spec, refs, config, operation, pointer, id, method, allParams, responses);
  const params = settings.idempotencyParam ? allParams.filter((p) => p !== settings.idempotencyParam) : allParams;
  const body = readRequestBody(spec, refs, operation.requestBody, joinPointer(pointer, 'requestBody'), params);
  const security: SecurityRequirement[] | undefined = readSecurity(
    spec,
    operation.security,
    joinPointer(pointer, 'security'),
    schemes,
  );

  // Config `names` ('resource.method' or 'method') beats x-sdk-*: the SDK author's file has the last word.
  const configName =
    operationId !== undefined && config.names && Object.hasOwn(config.names, operationId)
      ? config.names[operationId]
      : undefined;
  const [configGroup, configMethod] =
    configName === undefined
      ? [undefined, undefined]
      : configName.includes('.')
        ? [configName.slice(0, configName.lastIndexOf('.')), configName.slice(configName.lastIndexOf('.') + 1)]
        : [undefined, configName];
  const tags = Array.isArray(operation.tags)
    ? operation.tags.filter((t): t is string => typeof t === 'string' && t !== '')
    : [];
  const group = configGroup ?? optionalString(operation['x-sdk-group']) ?? tags[0];
  const nameOverride = optionalString(configMethod) ?? optionalString(operation['x-sdk-name']);
  const summary = optionalString(operation.summary);
  const description = optionalString(operation.description);
  const paramsRequired = params.some((p) => p.required) || body?.required === true;
  // The operation's own `servers` win over its path item's (OpenAPI 3 "alternative server array").
  const servers =
    operation.servers !== undefined
      ? readServerList(spec, operation.servers, joinPointer(pointer, 'servers'))
      : readServerList(spec, pathItem.servers, joinPointer(pathItemPointer, 'servers'));

  return {
    id,
    hasOperationId: operationId !== undefined,
    method,
    path,
    pointer,
    ...(group !== undefined ? { group } : {}),
    ...(nameOverride !== undefined ? { nameOverride } : {}),
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    deprecated: operation.deprecated === true,
    params,
    ...(body ? { body } : {}),
    success: responses.success,
    errors: responses.errors,
    ...(responses.accept !== undefined ? { accept: responses.accept } : {}),
    ...(security !== undefined ? { security } : {}),
    ...(settings.pagination ? { pagination: settings.pagination } : {}),
    ...(settings.idempotent ? { idempotent: true } : {}),
    ...(settings.idempotencyHeader ? { idempotencyHeader: settings.idempotencyHeader } : {}),
    ...(settings.retry ? { retry: settings.retry } : {}),
    ...(settings.timeout ? { timeout: settings.timeout } : {}),
    ...(servers.length > 0 ? { servers } : {}),
    paramsRequired,
  };
}

/** Every operation of the document, in document order (naming does not depend on it). */
export function readOperations(
  spec: LoadedSpec,
  refs: RefResolver,
  config: SdkgenConfig,
  schemes: ReadonlyMap<string, SecuritySchemeDescriptor>,
): RawOperation[] {
  const paths = spec.document.paths;
  if (paths === undefined) return [];
  if (!isObject(paths)) throw inputError(spec, '/paths', '`paths` must be an object');
  const out: RawOperation[] = [];
  const seenIds = new Map<string, string>();
  for (const path of Object.keys(paths)) {
    if (path.startsWith('x-')) continue;
    const at = joinPointer('/paths', path);
    const resolved = refs.resolveObject(paths[path], at);
    if (!resolved) throw inputError(spec, at, 'a path item must be an object');
    for (const method of HTTP_METHODS) {
      if (resolved.value[method.toLowerCase()] === undefined) continue;
      const read = readOperation(spec, refs, config, schemes, path, resolved.value, resolved.pointer, method);
      // Two paths may share one path item through `$ref`: each is its own operation, so its
      // identity (naming, diagnostics) is the pointer under its own path, not the shared target.
      const op = resolved.pointer === at ? read : { ...read, pointer: joinPointer(at, method.toLowerCase()) };
      if (op.hasOperationId) {
        const previous = seenIds.get(op.id);
        if (previous !== undefined) {
          throw inputError(
            spec,
            joinPointer(op.pointer, 'operationId'),
            `operationId ${JSON.stringify(op.id)} is also used at ${previous}`,
            'operationIds must be unique (OpenAPI 3, 4.8.10)',
          );
        }
        seenIds.set(op.id, op.pointer);
      }
      out.push(op);
    }
  }
  return out;
}
