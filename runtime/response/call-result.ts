/**
 * The result of a successful call, decoded on demand (see api-promise.ts): the body was read
 * inside the call, parsing waits until someone asks for data, and happens once.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ResponseKind } from '../descriptor.js';
import { SdkError, apiErrorForStatus, type Attempt } from '../errors.js';
import { redactHeaders, redactUrl } from '../redact.js';
import type { CallResult } from './api-promise.js';
import type { ApiResponse } from './api-response.js';
import { decodeSuccessBody, valueAtPath } from './decode-body.js';
import { flattenHeaders, requestIdOf } from './headers.js';
import type { BodyValidator } from '../validation/types.js';

/** What decoding needs to know to raise well-formed, redacted errors. */
export interface DecodeContext {
  readonly operationId: string;
  /** Set when the call validates its body (`validate` not 'off'); runs after decoding, once. */
  readonly validator: BodyValidator | undefined;
  readonly method: string;
  readonly secretQuery: readonly string[];
  readonly secretHeaders: readonly string[];
  readonly requestIdHeader: string | undefined;
  readonly errorEnvelope: string | undefined;
  readonly attempts: readonly Attempt[];
}

export class BufferedCallResult implements CallResult {
  readonly response: ApiResponse;
  /** For pagination: the final URL without credential query parameters. */
  readonly pageUrl: string | undefined;
  readonly #kind: ResponseKind;
  readonly #status: number;
  readonly #headers: IncomingHttpHeaders;
  readonly #bytes: Uint8Array;
  readonly #url: string;
  readonly #context: DecodeContext;
  #decoded = false;
  #value: unknown;

  constructor(
    response: ApiResponse,
    kind: ResponseKind,
    bytes: Uint8Array,
    url: string,
    context: DecodeContext,
    pageUrl: string | undefined,
  ) {
    this.response = response;
    this.pageUrl = pageUrl;
    this.#kind = kind;
    this.#status = response.status;
    this.#headers = response.headers;
    this.#bytes = bytes;
    this.#url = url;
    this.#context = context;
  }

  data(): unknown {
    if (!this.#decoded) {
      this.#value = this.#decode();
      this.#decoded = true;
    }
    return this.#value;
  }

  #decode(): unknown {
    const context = this.#context;
    const errorContext = () => ({
      method: context.method,
      url: redactUrl(this.#url, context.secretQuery),
      attempts: context.attempts,
    });
    let value: unknown;
    try {
      value = decodeSuccessBody(this.#kind, this.#status, this.#headers, this.#bytes, errorContext);
    } catch (error) {
      if (error instanceof SdkError) error.attempts = context.attempts;
      throw error;
    }
    if (context.errorEnvelope !== undefined && value !== null && typeof value === 'object') {
      const envelope = valueAtPath(value, context.errorEnvelope);
      if (envelope !== undefined && envelope !== null) {
        throw apiErrorForStatus({
          status: this.#status,
          headers: redactHeaders(flattenHeaders(this.#headers), context.secretHeaders) as Record<string, string>,
          body: value,
          requestId: requestIdOf(this.#headers, context.requestIdHeader),
          method: context.method,
          url: redactUrl(this.#url, context.secretQuery),
          attempts: context.attempts,
        });
      }
    }
    context.validator?.(value, {
      operationId: context.operationId,
      status: this.#status,
      method: context.method,
      url: redactUrl(this.#url, context.secretQuery),
      requestId: requestIdOf(this.#headers, context.requestIdHeader),
      attempts: context.attempts,
    });
    return value;
  }
}

/** A streamed body: the data is the BinaryResponse itself. */
export class StreamedCallResult implements CallResult {
  readonly response: ApiResponse;
  readonly pageUrl: string | undefined;
  readonly #data: unknown;

  constructor(response: ApiResponse, data: unknown, pageUrl: string | undefined) {
    this.response = response;
    this.#data = data;
    this.pageUrl = pageUrl;
  }

  data(): unknown {
    return this.#data;
  }
}
