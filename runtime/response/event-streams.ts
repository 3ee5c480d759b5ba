/**
 * What an NDJSON or SSE operation returns: the response (status, headers, request id) and an
 * async iterator over the records, parsed as they arrive (never buffered whole).
 *
 * Single consumer, like BinaryResponse. Breaking out of `for await` closes the connection (the
 * parser's `return()` destroys the body); `abort()` does the same from outside a loop, and a loop
 * in progress then ends with AbortError. An idempotent SSE call reconnects after a disconnect with
 * `Last-Event-ID`, waiting what the server asked for with `retry:` (streams/reconnect.ts).
 */
import type { BodySource } from '../transport/body-source.js';
import { AbortError, type ErrorContext } from '../errors.js';
import { parseNdjson, parseSse, reconnectingEventStream, type SseEvent } from '../streams/index.js';
import type { ApiResponse } from './api-response.js';

/** `application/x-ndjson` / JSON Lines: one parsed JSON value per line. */
export interface JsonLinesStream<T = unknown> extends AsyncIterable<T> {
  readonly response: ApiResponse;
  /** Stops reading and closes the connection; a loop in progress ends with AbortError. */
  abort(): void;
}

/** `text/event-stream`: one SseEvent per dispatched event, `data` as the server sent it (text). */
export interface EventStream extends AsyncIterable<SseEvent<string>> {
  readonly response: ApiResponse;
  /** Stops reading (and reconnecting) and closes the connection; a loop in progress ends with AbortError. */
  abort(): void;
}

/**
 * Reopens the call with `last-event-id` (undefined: none seen yet); resolves to the new body, or
 * to null when the server answered 204 (the feed is over: stop reconnecting).
 */
export type ReopenEventStream = (lastEventId: string | undefined) => Promise<BodySource | null>;

type StreamContext = ErrorContext & { readonly status?: number };

function aborted(): AbortError {
  return new AbortError('the response stream was aborted by abort()');
}

function alreadyTaken(): TypeError {
  return new TypeError('The response stream was already iterated or aborted (a stream can be read once).');
}

export class JsonLines<T> implements JsonLinesStream<T> {
  readonly response: ApiResponse;
  readonly #body: BodySource;
  readonly #context: StreamContext;
  #taken = false;

  constructor(response: ApiResponse, body: BodySource, context: StreamContext) {
    this.response = response;
    this.#body = body;
    this.#context = context;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#taken) throw alreadyTaken();
    this.#taken = true;
    return parseNdjson<T>(this.#body, { context: this.#context })[Symbol.asyncIterator]();
  }

  abort(): void {
    this.#taken = true;
    this.#body.destroy(aborted());
  }
}

export class ServerSentEvents implements EventStream {
  readonly response: ApiResponse;
  #current: BodySource;
  readonly #context: StreamContext;
  readonly #reopen: ReopenEventStream | undefined;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #stop = new AbortController();
  #taken = false;

  /**
   * @param reopen  only for idempotent calls: without it a disconnect ends the stream (a POST that
   *                started a completion must not be sent again).
   */
  constructor(
    response: ApiResponse,
    body: BodySource,
    context: StreamContext,
    reopen: ReopenEventStream | undefined,
    signal: AbortSignal | undefined,
  ) {
    this.response = response;
    this.#current = body;
    this.#context = context;
    this.#reopen = reopen;
    this.#callerSignal = signal;
  }

  [Symbol.asyncIterator](): AsyncIterator<SseEvent<string>> {
    if (this.#taken) throw alreadyTaken();
    this.#taken = true;
    const reopen = this.#reopen;
    if (reopen === undefined) return parseSse(this.#current, { context: this.#context })[Symbol.asyncIterator]();
    let first: BodySource | undefined = this.#current;
    const open = async (lastEventId: string | undefined): Promise<BodySource | null> => {
      if (first !== undefined) {
        const body = first;
        first = undefined;
        return body;
      }
      const next = await reopen(lastEventId);
      if (next === null) return null;
      this.#current = next;
      return next;
    };
    const signal =
      this.#callerSignal === undefined ? this.#stop.signal : AbortSignal.any([this.#callerSignal, this.#stop.signal]);
    return reconnectingEventStream(open, { context: this.#context, signal })[Symbol.asyncIterator]();
  }

  abort(): void {
    this.#taken = true;
    const reason = aborted();
    this.#stop.abort(reason);
    this.#current.destroy(reason);
  }
}
