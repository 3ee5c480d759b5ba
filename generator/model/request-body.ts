/** Request Body Object -> RequestBodyModel: media type choice and flat-vs-body placement. */
import type { LoadedSpec } from '../types.js';
import type { ParameterStyle } from '../../runtime/descriptor.js';
import type { ParameterModel, RequestBodyModel } from './ir.js';
import { chooseRequestMediaType, mediaFamily } from './media-types.js';
import { isObject, joinPointer, setOwn } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';
import { isBinarySchema, objectShape } from './schema-shape.js';
import { parameterKey } from './parameters.js';

/** The key the whole body sits under when it cannot be spread into the params object. */
export const BODY_KEY = 'body';

type Encoding = NonNullable<RequestBodyModel['encoding']>;

const ENCODING_STYLES: ReadonlySet<string> = new Set(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

function readEncoding(raw: unknown): Encoding | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<string, { contentType?: string; style?: ParameterStyle; explode?: boolean }> = {};
  for (const name of Object.keys(raw).sort()) {
    const e = raw[name];
    if (!isObject(e)) continue;
    setOwn(out, name, {
      ...(typeof e.contentType === 'string' ? { contentType: e.contentType } : {}),
      // An unknown style is ignored like any unknown field (the runtime's default applies).
      ...(typeof e.style === 'string' && ENCODING_STYLES.has(e.style) ? { style: e.style as ParameterStyle } : {}),
      ...(typeof e.explode === 'boolean' ? { explode: e.explode } : {}),
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function readRequestBody(
  spec: LoadedSpec,
  refs: RefResolver,
  raw: unknown,
  pointer: string,
  params: readonly ParameterModel[],
): RequestBodyModel | undefined {
  if (raw === undefined) return undefined;
  const resolved = refs.resolveObject(raw, pointer);
  if (!resolved) throw inputError(spec, pointer, '`requestBody` must be an object');
  const body = resolved.value;
  if (!isObject(body.content) || Object.keys(body.content).length === 0) return undefined;
  const mediaType = chooseRequestMediaType(Object.keys(body.content))!;
  const media = body.content[mediaType];
  const mediaPointer = joinPointer(resolved.pointer, 'content', mediaType);
  const schema = isObject(media) ? media.schema : undefined;
  const schemaPointer = joinPointer(mediaPointer, 'schema');
  const family = mediaFamily(mediaType);
  const required = body.required === true;
  const encoding = isObject(media) ? readEncoding(media.encoding) : undefined;
  const base = { mediaType, required, ...(encoding ? { encoding } : {}) };

  const structured = family === 'json' || family === 'form' || family === 'multipart';
  const binary = !structured && family !== 'text';
  const text = family === 'text';
  const bodyKeyTaken = params.some((p) => parameterKey(p) === BODY_KEY);
  const refuseBodyKey = () =>
    inputError(
      spec,
      resolved.pointer,
      `the body must go under \`${BODY_KEY}\`, but a parameter is already named ${JSON.stringify(BODY_KEY)}`,
      'rename the parameter, or make the body a plain object whose properties do not collide with parameter names',
    );
  if (!structured || schema === undefined) {
    if (bodyKeyTaken) throw refuseBodyKey();
    return { ...base, placement: 'body', binary: binary || (schema === undefined && !text && !structured), text };
  }
  const shape = objectShape(refs, schema, schemaPointer);
  const paramNames = new Set(params.map(parameterKey));
  const binaryProperties =
    family === 'multipart' && shape
      ? shape.properties.filter((name) => {
          const s = shape.propertySchemas.get(name)!;
          return isBinarySchema(refs, s.value, s.pointer);
        })
      : [];
  const flat =
    shape !== undefined &&
    !shape.open &&
    shape.properties.length > 0 &&
    !shape.properties.some((name) => paramNames.has(name));
  if (!flat && bodyKeyTaken) throw refuseBodyKey();
  return {
    ...base,
    placement: flat ? 'flat' : 'body',
    ...(flat ? { properties: shape.properties } : {}),
    ...(binaryProperties.length > 0 ? { binaryProperties } : {}),
    binary: false,
    text: false,
    schema,
  };
}
