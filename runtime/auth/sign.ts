/**
 * Custom schemes by request signing (HMAC and the like, as requests' `auth=` callables or AWS
 * SigV4 do it): the `auth` option for such a scheme is `{ sign(request) { ... } }`. The signer runs
 * per attempt, after every other credential is applied, on the final URL and the exact body bytes,
 * and sets the headers it needs (a timestamp, a signature). Redirect hops to the same origin are
 * signed again (the URL changed); cross-origin hops carry no credentials and are not signed.
 */
import { InvalidArgumentError, SdkError } from '../errors.js';
import type { ResolvedAuth, SignableRequest, Signer } from './types.js';

export type { SignableRequest, Signer };
import { checkedHeaderValue, isSigner } from './values.js';

/** True when the call has a signing scheme (so the client knows to call signRequest). */
export function needsSigning(resolved: ResolvedAuth): boolean {
  return resolved.schemes.some((s) => isSigner(s.credential));
}

/**
 * The bytes a signer signs, for bodies that can be read without being consumed: strings, bytes
 * and Blobs (a Blob is read whole: a signature needs every byte first). A stream can only be read
 * once (by the socket), and FormData gets its multipart boundary only when undici sends it, so
 * neither can be signed: an SdkError says so.
 */
export async function signableBody(body: unknown): Promise<Uint8Array | string | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (body instanceof FormData) {
    throw new InvalidArgumentError(
      'cannot sign a multipart (FormData) body: its boundary is chosen when it is sent; sign a pre-encoded body instead',
    );
  }
  if (
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  ) {
    throw new InvalidArgumentError(
      'cannot sign a streamed body: a signature needs the bytes before sending and a stream can be read only once; pass a Buffer, string or Blob',
    );
  }
  throw new InvalidArgumentError(`cannot sign a body of type ${typeof body}`);
}

/**
 * Runs the call's signers over the finished request and returns the headers to send (a new
 * object, lower-case names). Returns `request.headers` itself when the call has no signer.
 */
export async function signRequest(
  resolved: ResolvedAuth,
  request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
  },
): Promise<Record<string, string>> {
  const signers = resolved.schemes.filter((s) => isSigner(s.credential));
  if (signers.length === 0) return request.headers as Record<string, string>;
  const body = await signableBody(request.body);
  const headers: Record<string, string> = { ...request.headers };
  for (const selected of signers) {
    const signer = selected.credential as { sign: Signer };
    try {
      await signer.sign({ method: request.method, url: request.url, headers, body });
    } catch (error) {
      throw new SdkError(`auth scheme "${selected.name}": the request signer failed`, { cause: error });
    }
  }
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== 'string') {
      throw new InvalidArgumentError(
        `auth scheme "${signers[0]!.name}": the signer set header "${name}" to ${typeof value}; header values are strings`,
      );
    }
    out[name.toLowerCase()] = checkedHeaderValue(signers[0]!.name, value);
  }
  return out;
}
