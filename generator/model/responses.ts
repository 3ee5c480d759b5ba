/** Responses Object -> success kinds, error schemas, Accept header and Link detection. */
import type { LoadedSpec } from '../types.js';
import type { ErrorResponseModel, SuccessResponseModel } from './ir.js';
import { chooseResponseMediaType, mediaFamily } from './media-types.js';
import { isObject, joinPointer } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';
import { componentSchemaName } from './schema-shape.js';

export interface ResponsesModel {
  readonly success: SuccessResponseModel[];
  readonly errors: ErrorResponseModel[];
  readonly accept?: string;
  /** A 2xx response declares a `Link` header: the operation pages with RFC 8288 links. */
  readonly declaresLinkHeader: boolean;
  /** The chosen JSON schema of the first 2xx response with a body, for pagination items. */
  readonly successSchema?: { value: unknown; pointer: string };
}

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

export function readResponses(spec: LoadedSpec, refs: RefResolver, raw: unknown, pointer: string): ResponsesModel {
  const success: SuccessResponseModel[] = [];
  const errors: ErrorResponseModel[] = [];
  const acceptTypes: string[] = [];
  let declaresLinkHeader = false;
  let successSchema: { value: unknown; pointer: string } | undefined;
  if (raw !== undefined && !isObject(raw)) throw inputError(spec, pointer, '`responses` must be an object');
  const responses = raw ?? {};
  for (const status of Object.keys(responses).sort()) {
    if (status.startsWith('x-')) continue;
    const at = joinPointer(pointer, status);
    const resolved = refs.resolveObject(responses[status], at);
    if (!resolved) throw inputError(spec, at, `response ${status} must be an object`);
    const response = resolved.value;
    const content = isObject(response.content) ? response.content : {};
    // 204 and 205 never carry a body, whatever the document declares (RFC 9110 15.3.5).
    const mediaTypes = status === '204' || status === '205' ? [] : Object.keys(content);
    const chosen = chooseResponseMediaType(mediaTypes);
    const media = chosen.mediaType !== undefined ? content[chosen.mediaType] : undefined;
    const schema = isObject(media) ? media.schema : undefined;
    const schemaName = componentSchemaName(schema);
    if (isSuccess(status)) {
      let arrayItemName: string | undefined;
      if (schemaName === undefined && isObject(schema) && schema.type === 'array')
        arrayItemName = componentSchemaName(schema.items);
      success.push({
        status,
        kind: chosen.kind,
        ...(chosen.mediaType !== undefined ? { mediaType: chosen.mediaType } : {}),
        ...(schemaName !== undefined ? { schemaName } : {}),
        ...(arrayItemName !== undefined ? { schemaName: arrayItemName, arrayOfSchema: true } : {}),
        ...(chosen.kind === 'json' && isObject(schema)
          ? { schemaPointer: joinPointer(resolved.pointer, 'content', chosen.mediaType!, 'schema'), schema }
          : {}),
        ...(chosen.kind === 'ndjson' && schema !== undefined ? { schema } : {}),
      });
      for (const m of mediaTypes) if (!acceptTypes.includes(m)) acceptTypes.push(m);
      if (isObject(response.headers) && Object.keys(response.headers).some((h) => h.toLowerCase() === 'link'))
        declaresLinkHeader = true;
      if (successSchema === undefined && chosen.kind === 'json' && schema !== undefined) {
        successSchema = {
          value: schema,
          pointer: joinPointer(resolved.pointer, 'content', chosen.mediaType!, 'schema'),
        };
      }
    } else {
      errors.push({
        status,
        ...(chosen.mediaType !== undefined ? { mediaType: chosen.mediaType } : {}),
        ...(schemaName !== undefined ? { schemaName } : {}),
        ...(chosen.kind === 'json' && schema !== undefined ? { schema } : {}),
      });
    }
  }
  // JSON first, then the rest in a stable order, so Accept reads the way a browser's would.
  const accept = [...acceptTypes].sort((a, b) => {
    const rank = (m: string) => (mediaFamily(m) === 'json' ? 0 : 1);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  return {
    success,
    errors,
    ...(accept.length > 0 ? { accept: accept.join(', ') } : {}),
    declaresLinkHeader,
    ...(successSchema ? { successSchema } : {}),
  };
}
