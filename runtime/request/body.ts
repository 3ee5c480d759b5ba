/**
 * Request bodies: where the body comes from in the caller's params (placement) and how it is
 * encoded for its media type (JSON, form-urlencoded, multipart, text, binary).
 */
import { utf8Length } from '../bytes.js';
import type { ParameterDescriptor, RequestBodyDescriptor } from '../descriptor.js';
import { InvalidArgumentError } from '../errors.js';
import { bodyEncodingOf, contentTypeFor, type BodyEncoding } from './media-type.js';
import { requireFeature } from '../features.js';
import { encodeStrict } from './percent.js';
import { scalarToString, serializeQueryParam } from './styles.js';
import type { EncodedBody } from './types.js';
import { describeType, encodeBinaryBody, isUploadable } from './uploadable.js';

/** What shaping precomputes about an operation's body (once per descriptor). */
export interface BodyPlan {
  readonly descriptor: RequestBodyDescriptor;
  readonly encoding: BodyEncoding;
  /** Content-Type for non-wildcard media types (text gets `; charset=utf-8`). */
  readonly contentType: string;
}

export function planBody(descriptor: RequestBodyDescriptor): BodyPlan {
  const encoding = bodyEncodingOf(descriptor.mediaType);
  return { descriptor, encoding, contentType: contentTypeFor(descriptor.mediaType, encoding) };
}

/** The raw body value out of params, or undefined when the caller gave none. */
export function extractBody(plan: BodyPlan, params: Record<string, unknown>): unknown {
  const { descriptor } = plan;
  if (descriptor.placement === 'body') return params.body;
  const picked: Record<string, unknown> = {};
  let pickedAny = false;
  for (const name of descriptor.properties ?? []) {
    const value = params[name];
    if (value !== undefined) {
      picked[name] = value;
      pickedAny = true;
    }
  }
  // An optional flat body with none of its properties given is not sent at all; a required one
  // is sent as `{}` and the server says what is missing (it knows the schema, we do not).
  return pickedAny || descriptor.required ? picked : undefined;
}

/** Encodes the body; undefined when there is none to send. */
export function encodeBody(
  plan: BodyPlan,
  params: Record<string, unknown>,
  operationId: string,
): EncodedBody | undefined {
  const value = extractBody(plan, params);
  if (value === undefined) {
    if (plan.descriptor.required) {
      throw new InvalidArgumentError(`${operationId}: missing required request body (pass it as \`body\`)`);
    }
    return undefined;
  }
  switch (plan.encoding) {
    case 'json':
      // Bytes, a Blob or a stream of already-serialised JSON (a file) is sent as it is, not as
      // JSON.stringify(Buffer) = {"type":"Buffer",...}.
      if (isUploadable(value)) return encodeBinaryBody(value, plan.contentType, `${operationId}: body`);
      return encodeJson(value, plan.contentType, operationId);
    case 'form':
      return encodeForm(value, plan.descriptor, plan.contentType, operationId);
    case 'multipart': {
      const multipart = requireFeature('multipart', operationId);
      return multipart.encode(
        multipart.isFormData(value) ? value : asRecord(value, operationId, 'multipart/form-data'),
        plan.descriptor,
      );
    }
    case 'text': {
      if (isUploadable(value)) return encodeBinaryBody(value, plan.contentType, `${operationId}: body`);
      const text = scalarToString(value);
      return { contentType: plan.contentType, body: text, replayable: true, length: utf8Length(text) };
    }
    case 'binary': {
      const blobType = value instanceof Blob && value.type !== '' ? value.type : undefined;
      return encodeBinaryBody(
        value,
        contentTypeFor(plan.descriptor.mediaType, 'binary', blobType),
        `${operationId}: body`,
      );
    }
  }
}

function encodeJson(value: unknown, contentType: string, operationId: string): EncodedBody {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // BigInt and circular structures: say which call, keep the TypeError as the cause.
    throw new InvalidArgumentError(
      `${operationId}: the request body cannot be encoded as JSON (${(error as Error).message})`,
      { cause: error },
    );
  }
  return { contentType, body: text, replayable: true, length: utf8Length(text) };
}

function asRecord(value: unknown, operationId: string, mediaType: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(
      `${operationId}: a ${mediaType} body must be an object of fields; got ${describeType(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * application/x-www-form-urlencoded: each field serialised like a query parameter with the
 * `encoding` map's style/explode (default form, exploded), so `tags: ['a','b']` is `tags=a&tags=b`;
 * a field with an `encoding.contentType` (JSON) is sent as that document.
 */
function encodeForm(
  value: unknown,
  descriptor: RequestBodyDescriptor,
  contentType: string,
  operationId: string,
): EncodedBody {
  if (value instanceof URLSearchParams) {
    const text = value.toString();
    return { contentType, body: text, replayable: true, length: utf8Length(text) };
  }
  const fields = asRecord(value, operationId, 'application/x-www-form-urlencoded');
  let text = '';
  for (const name of Object.keys(fields)) {
    const encoding = descriptor.encoding?.[name];
    const field: ParameterDescriptor = {
      name,
      in: 'query',
      style: encoding?.style ?? 'form',
      explode: encoding?.explode ?? (encoding?.style === undefined || encoding.style === 'form'),
      required: false,
    };
    const raw =
      encoding?.contentType !== undefined && fields[name] !== undefined && fields[name] !== null
        ? JSON.stringify(fields[name])
        : fields[name];
    const piece = serializeQueryParam(field, raw, encodeStrict);
    if (piece !== '') text += (text === '' ? '' : '&') + piece;
  }
  return { contentType, body: text, replayable: true, length: utf8Length(text) };
}
