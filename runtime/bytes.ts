/**
 * Bytes and text without Node's Buffer, so the shared runtime loads in browsers and workers.
 * Where Buffer exists (Node, Deno, Bun) the same functions use it: it is what the Node path
 * always used, so its speed does not change. The choice is made once, when this module loads.
 */

type BufferLike = Uint8Array & { toString(encoding: string): string };
interface BufferStatic {
  byteLength(text: string): number;
  concat(chunks: readonly Uint8Array[], length: number): Uint8Array;
  from(text: string, encoding: string): BufferLike;
  from(buffer: ArrayBufferLike, offset: number, length: number): BufferLike;
  isBuffer(value: Uint8Array): boolean;
}

/** Node's Buffer when the platform has one (never imported: a bundler must not pull in a shim). */
const NodeBuffer: BufferStatic | undefined = (globalThis as { Buffer?: BufferStatic }).Buffer;

const encoder = new TextEncoder();
/** ignoreBOM: keep a leading BOM, as Buffer's toString does (the bytes are the server's). */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export const EMPTY_BYTES = new Uint8Array(0);

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** UTF-8 length of a string, without encoding it where Buffer can count. */
export const utf8Length: (text: string) => number = NodeBuffer
  ? (text) => NodeBuffer.byteLength(text)
  : (text) => encoder.encode(text).byteLength;

/** UTF-8 text of bytes (Buffer's decoding where there is Buffer, so the Node path keeps its output). */
export function utf8Decode(bytes: Uint8Array): string {
  if (NodeBuffer === undefined) return decoder.decode(bytes);
  return (
    NodeBuffer.isBuffer(bytes)
      ? (bytes as BufferLike)
      : NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  ).toString('utf8');
}

/** One byte array from many (the first one itself when there is only one). */
export function concatBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  if (NodeBuffer) return NodeBuffer.concat(chunks, length);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Random bytes from the platform's CSPRNG (WebCrypto: Node 20+, Deno, Bun, browsers, workerd). */
export function randomHex(byteCount: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** Base64 of a string's UTF-8 bytes (Basic credentials). */
export function base64Utf8(text: string): string {
  if (NodeBuffer) return NodeBuffer.from(text, 'utf8').toString('base64');
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
