/**
 * Names the generated package already uses, so spec-derived names must avoid them. Tests check
 * these lists against the runtime's real exports and Client members, so drift is caught.
 */
import { GLOBAL_NAMES, OBJECT_PROTOTYPE_NAMES } from './identifiers.js';
import { PUBLIC_RUNTIME_TYPES, PUBLIC_RUNTIME_VALUES } from '../lib/runtime-surface.js';

/**
 * What a resource property or root method of the generated client would collide with: the runtime
 * `Client`'s own public members (its state lives in `#private` fields, which no subclass member can
 * clash with), `constructor`, and `then` (a client with a `then` member would be taken for a
 * promise by `await`). Nothing else: `client.auth`, `client.session`, `client.api` are free.
 * A test reads runtime/client.ts and checks this list against its real public members.
 */
export const CLIENT_MEMBER_NAMES: readonly string[] = [
  'request',
  'paginate',
  'withOptions',
  'close',
  'stats',
  'options',
  'then',
  'constructor',
];

/** Members of a generated resource class. */
export const RESOURCE_MEMBER_NAMES: readonly string[] = ['client', 'constructor', 'then'];

/** Runtime exports the package root does not re-export but the emitted files import (descriptor types, Client, parsers ...). */
const RUNTIME_INTERNAL_EXPORT_NAMES: readonly string[] = [
  'Client',
  'ErrorContext',
  'ApiErrorInit',
  'TimeoutKind',
  'HttpMethod',
  'ParameterLocation',
  'ParameterStyle',
  'ParameterDescriptor',
  'ResponseKind',
  'ResponseDescriptor',
  'RequestBodyDescriptor',
  'SecurityRequirement',
  'PaginationDescriptor',
  'RetryPolicyOverride',
  'TimeoutOverride',
  'OperationDescriptor',
  'SecuritySchemeDescriptor',
  'ServerDescriptor',
  'ApiDescriptor',
  'apiErrorForStatus',
  'NdjsonOptions',
  'OpenEventStream',
  'ReconnectOptions',
  'SseOptions',
  'parseNdjson',
  'parseSse',
  'reconnectingEventStream',
  'ResponseChecker',
  'ResponseSchemas',
  'SchemaIssue',
];

/** What the runtime exports (the public surface and the rest): models must not hide them. */
export const RUNTIME_EXPORT_NAMES: readonly string[] = [
  ...PUBLIC_RUNTIME_VALUES,
  ...PUBLIC_RUNTIME_TYPES,
  ...RUNTIME_INTERNAL_EXPORT_NAMES,
];

/** Names the emitted files declare or import themselves. */
export const GENERATED_FILE_NAMES: readonly string[] = [
  'paths',
  'components',
  'operations',
  'webhooks',
  '$defs',
  'api',
];

/** Every name an exported type or class of the package must avoid. */
export function reservedTypeNames(clientName: string): Set<string> {
  return new Set([
    ...GLOBAL_NAMES,
    ...OBJECT_PROTOTYPE_NAMES,
    ...RUNTIME_EXPORT_NAMES,
    ...GENERATED_FILE_NAMES,
    clientName,
    `${clientName}Options`,
    `${clientName}Auth`,
  ]);
}
