/**
 * multipart/form-data bodies (RFC 7578), framed by us rather than by undici's FormData because
 * FormData cannot express two things the spec needs:
 * - a part with a Content-Type but no filename (an object property sent as application/json,
 *   or an `encoding.contentType` override), which FormData can only send as a fake "blob" file;
 * - a streamed file part from a Readable or async iterable (FormData takes only Blob/string).
 *
 * Without stream parts the body is one composite Blob: Node composes Blobs by reference (a
 * file-backed `fs.openAsBlob` part is not read into memory), undici streams it, its size gives an
 * exact Content-Length, and it can be sent again on a retry. With a stream part the body is a
 * Readable that yields the framing and pipes each part through: streamed, not replayable.
 * A FormData the caller built is re-framed the same way (so our Content-Type carries the boundary).
 */
import { randomHex, utf8Encode } from '../bytes.js';
import { bytesOf } from '../transport/body-source.js';
import type { RequestBodyDescriptor } from '../descriptor.js';
import { scalarToString } from './styles.js';
import type { EncodedBody } from './types.js';
import { DEFAULT_BINARY_CONTENT_TYPE } from './media-type.js';
import { asBytes, fileNameOf, isBlob, isStreaming, isUploadable } from './uploadable.js';

/** Random bytes in a boundary: 16 give 128 bits, so a boundary never occurs inside a part by chance. */
const BOUNDARY_RANDOM_BYTES = 16;
const CRLF = '\r\n';

/** Per the HTML spec's form encoding: `"`, CR and LF in names/filenames are percent-escaped. */
const HEADER_PARAM_UNSAFE = /["\r\n]/g;
const HEADER_PARAM_ESCAPES: Readonly<Record<string, string>> = { '"': '%22', '\r': '%0D', '\n': '%0A' };

/** A content type we put in a part header must not be able to add header lines. */
const CONTROL_CHARS = /[\r\n\0]/;

/** A stream part: any async iterable of bytes (a Node Readable too) or a web ReadableStream. */
interface StreamPart {
  readonly stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
}

type PartData = string | Blob | Uint8Array | StreamPart;

interface Part {
  readonly name: string;
  readonly fileName?: string;
  readonly contentType?: string;
  readonly data: PartData;
}

/** undici's FormData or the global one (they are different classes). */
export function isFormData(value: unknown): value is FormData {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'FormData'
  );
}

function escapeParam(value: string): string {
  return value.replace(HEADER_PARAM_UNSAFE, (c) => HEADER_PARAM_ESCAPES[c]);
}

function partHeader(boundary: string, part: Part): string {
  let header = `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeParam(part.name)}"`;
  if (part.fileName !== undefined) header += `; filename="${escapeParam(part.fileName)}"`;
  header += CRLF;
  if (part.contentType !== undefined && !CONTROL_CHARS.test(part.contentType))
    header += `Content-Type: ${part.contentType}${CRLF}`;
  return header + CRLF;
}

/** The parts for one field: arrays become one part per element (OAS: repeated parts, same name). */
function partsOf(name: string, value: unknown, encodingType: string | undefined, out: Part[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const element of value) partsOf(name, element, encodingType, out);
    return;
  }
  if (isUploadable(value)) {
    const blobType = isBlob(value) && value.type !== '' ? value.type : undefined;
    const data: PartData = isStreaming(value)
      ? { stream: value as AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> }
      : isBlob(value)
        ? value
        : asBytes(value as ArrayBuffer | ArrayBufferView);
    out.push({
      name,
      fileName: fileNameOf(value, name),
      contentType: encodingType ?? blobType ?? DEFAULT_BINARY_CONTENT_TYPE,
      data,
    });
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    // OAS default for an object property: application/json.
    out.push({ name, contentType: encodingType ?? 'application/json', data: JSON.stringify(value) });
    return;
  }
  out.push(
    encodingType === undefined
      ? { name, data: scalarToString(value) }
      : { name, contentType: encodingType, data: scalarToString(value) },
  );
}

/**
 * Encodes fields as multipart/form-data: a record (picked out of params) or a FormData the caller
 * built (its entries are re-framed by us so the Content-Type we report carries the boundary).
 */
export function encodeMultipart(
  fields: Record<string, unknown> | FormData,
  descriptor: RequestBodyDescriptor,
): EncodedBody {
  const parts: Part[] = [];
  const entries: Iterable<[string, unknown]> = isFormData(fields)
    ? (fields as unknown as Iterable<[string, unknown]>)
    : Object.entries(fields);
  for (const [name, value] of entries) partsOf(name, value, descriptor.encoding?.[name]?.contentType, parts);
  const boundary = `sdkgen-${randomHex(BOUNDARY_RANDOM_BYTES)}`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const closing = `--${boundary}--${CRLF}`;
  if (parts.some((part) => isStreamPart(part.data))) {
    return { contentType, body: streamParts(boundary, parts, closing), replayable: false };
  }
  const pieces: Array<string | Blob | Uint8Array> = [];
  for (const part of parts) pieces.push(partHeader(boundary, part), part.data as string | Blob | Uint8Array, CRLF);
  pieces.push(closing);
  // Node's Blob accepts any Uint8Array; the DOM lib's BlobPart type wants ArrayBuffer-backed ones.
  const blob = new Blob(pieces as BlobPart[]);
  return { contentType, body: blob, replayable: true, length: blob.size };
}

function isStreamPart(data: PartData): data is StreamPart {
  return typeof data === 'object' && 'stream' in data && !isBlob(data);
}

async function* streamParts(boundary: string, parts: readonly Part[], closing: string): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    yield utf8Encode(partHeader(boundary, part));
    const data = part.data;
    if (typeof data === 'string') yield utf8Encode(data);
    else if (data instanceof Uint8Array) yield data;
    else if (isStreamPart(data)) {
      for await (const chunk of bytesOf(data.stream))
        yield typeof chunk === 'string' ? utf8Encode(chunk) : (chunk as Uint8Array);
    } else {
      for await (const chunk of bytesOf(data.stream())) yield chunk;
    }
    yield utf8Encode(CRLF);
  }
  yield utf8Encode(closing);
}
