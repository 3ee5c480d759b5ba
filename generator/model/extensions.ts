/**
 * The per-operation settings that come from `x-sdk-*` extensions or the config: pagination,
 * idempotency, retry and timeout overrides. Extension wins over config (it sits next to the
 * operation); config wins over detection.
 */
import type { LoadedSpec, PaginationConfig, SdkgenConfig } from '../types.js';
import type { PaginationDescriptor, RetryPolicyOverride, TimeoutOverride } from '../../runtime/descriptor.js';
import type { ParameterModel } from './ir.js';
import type { ResponsesModel } from './responses.js';
import { isObject, joinPointer, type JsonObject } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';
import { isArraySchema, objectShape } from './schema-shape.js';

/** The header the runtime sends an idempotency key in, unless the config names another. */
export const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** With `idempotency` configured but no operation list, these methods get a key: retrying them is otherwise unsafe. */
const IDEMPOTENCY_DEFAULT_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH']);
const PAGINATION_STYLES: ReadonlySet<string> = new Set(['link', 'cursor', 'offset', 'page', 'url']);

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value.trim());
  return match ? Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!) : undefined;
}

function paginationFrom(spec: LoadedSpec, raw: PaginationConfig | JsonObject, pointer: string): PaginationDescriptor {
  const style = raw.style;
  const str = (key: string): string | undefined =>
    typeof raw[key as keyof typeof raw] === 'string' ? (raw[key as keyof typeof raw] as string) : undefined;
  const need = (key: string): string => {
    const v = str(key);
    if (v === undefined) throw inputError(spec, pointer, `pagination style ${JSON.stringify(style)} needs \`${key}\``);
    return v;
  };
  if (typeof style !== 'string' || !PAGINATION_STYLES.has(style)) {
    throw inputError(
      spec,
      pointer,
      `pagination needs a style: link, cursor, offset, page or url (got ${JSON.stringify(style)})`,
    );
  }
  const items = str('items');
  const withItems = items !== undefined ? { items } : {};
  switch (style) {
    case 'link':
      return { style, ...withItems };
    case 'cursor':
      return { style, param: need('param'), next: need('next'), ...withItems };
    case 'offset': {
      const limitParam = str('limitParam');
      return { style, param: need('param'), ...(limitParam !== undefined ? { limitParam } : {}), ...withItems };
    }
    case 'page':
      return { style, param: need('param'), ...withItems };
    default:
      return { style: 'url', next: need('next'), ...withItems };
  }
}

/** Link pagination with the items path: the body is the array, or an object with exactly one array property. */
function detectLinkPagination(refs: RefResolver, responses: ResponsesModel): PaginationDescriptor | undefined {
  if (!responses.declaresLinkHeader || !responses.successSchema) return undefined;
  const { value, pointer } = responses.successSchema;
  if (isArraySchema(refs, value, pointer)) return { style: 'link' };
  const shape = objectShape(refs, value, pointer);
  if (!shape) return undefined;
  const arrays = shape.properties.filter((name) => {
    const s = shape.propertySchemas.get(name)!;
    return isArraySchema(refs, s.value, s.pointer);
  });
  return arrays.length === 1 ? { style: 'link', items: `$.${arrays[0]}` } : undefined;
}

export interface OperationSettings {
  readonly pagination?: PaginationDescriptor;
  readonly idempotent?: boolean;
  readonly idempotencyHeader?: string;
  readonly retry?: RetryPolicyOverride;
  readonly timeout?: TimeoutOverride;
  /** The declared idempotency header parameter, which the runtime fills in (dropped from params). */
  readonly idempotencyParam?: ParameterModel;
}

export function readOperationSettings(
  spec: LoadedSpec,
  refs: RefResolver,
  config: SdkgenConfig,
  operation: JsonObject,
  pointer: string,
  id: string,
  method: string,
  params: readonly ParameterModel[],
  responses: ResponsesModel,
): OperationSettings {
  const ext = operation['x-sdk-pagination'];
  let pagination: PaginationDescriptor | undefined;
  if (ext !== undefined) {
    if (!isObject(ext))
      throw inputError(spec, joinPointer(pointer, 'x-sdk-pagination'), '`x-sdk-pagination` must be an object');
    pagination = paginationFrom(spec, ext, joinPointer(pointer, 'x-sdk-pagination'));
  } else if (Object.hasOwn(config.pagination, id)) {
    pagination = paginationFrom(spec, config.pagination[id]!, pointer);
  } else {
    pagination = detectLinkPagination(refs, responses);
  }

  const headerName = config.idempotency?.header ?? DEFAULT_IDEMPOTENCY_HEADER;
  const idempotencyParam = params.find((p) => p.in === 'header' && p.name.toLowerCase() === headerName.toLowerCase());
  const configured =
    config.idempotency !== undefined &&
    (config.idempotency.operations
      ? config.idempotency.operations.includes(id)
      : IDEMPOTENCY_DEFAULT_METHODS.has(method));
  const idempotent = operation['x-sdk-idempotent'] === true || idempotencyParam !== undefined || configured;
  const header = idempotencyParam?.name ?? headerName;

  let retry: RetryPolicyOverride | undefined;
  const rawRetry = operation['x-sdk-retry'];
  if (typeof rawRetry === 'number') retry = { maxRetries: rawRetry };
  else if (isObject(rawRetry) && typeof rawRetry.maxRetries === 'number') retry = { maxRetries: rawRetry.maxRetries };
  else if (rawRetry !== undefined)
    throw inputError(spec, joinPointer(pointer, 'x-sdk-retry'), '`x-sdk-retry` must be { maxRetries: <number> }');

  let timeout: TimeoutOverride | undefined;
  const rawTimeout = operation['x-sdk-timeout'];
  if (rawTimeout !== undefined) {
    const at = joinPointer(pointer, 'x-sdk-timeout');
    const single = parseDuration(rawTimeout);
    if (single !== undefined) timeout = { total: single };
    else if (isObject(rawTimeout)) {
      const t: { connect?: number; read?: number; total?: number } = {};
      for (const key of ['connect', 'read', 'total'] as const) {
        if (rawTimeout[key] === undefined) continue;
        const ms = parseDuration(rawTimeout[key]);
        if (ms === undefined)
          throw inputError(
            spec,
            joinPointer(at, key),
            `invalid duration ${JSON.stringify(rawTimeout[key])}`,
            'use milliseconds or a string like 10s, 500ms, 2m',
          );
        t[key] = ms;
      }
      timeout = t;
    } else throw inputError(spec, at, '`x-sdk-timeout` must be a duration or { connect, read, total }');
  }

  return {
    ...(pagination ? { pagination } : {}),
    ...(idempotent ? { idempotent: true } : {}),
    ...(idempotent && header !== DEFAULT_IDEMPOTENCY_HEADER ? { idempotencyHeader: header } : {}),
    ...(retry ? { retry } : {}),
    ...(timeout ? { timeout } : {}),
    ...(idempotencyParam ? { idempotencyParam } : {}),
  };
}
