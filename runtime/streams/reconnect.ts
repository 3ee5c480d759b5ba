/**
 * An SSE stream that survives disconnects the way EventSource does: when the connection ends or
 * breaks, wait the reconnection time (the server's `retry:` wins over ours) and open it again with
 * the last event id, so the server resumes where we left off (`Last-Event-ID`). Only for
 * idempotent calls: a POST that starts a completion must not be re-sent (the client decides).
 *
 * Bounded: `maxReconnects` counts reconnects in a row that delivered no event, so a feed that
 * drops once an hour runs for days, while a server that keeps hanging up at once gives up soon.
 */
import { AbortError, ApiError, ConnectionError, SdkError, TimeoutError } from '../errors.js';
import { RETRYABLE_STATUSES } from '../constants.js';
import { abortError, iterateUntilAborted } from './iterate.js';
import { decodeEvents, decoderState, type SseOptions } from './sse.js';
import { SseDecoder, type SseEvent } from './sse-decoder.js';

/** Reconnection time before the server sets one: EventSource implementations use a few seconds (Chrome 3 s). */
export const DEFAULT_SSE_RETRY_MS = 3_000;

/** Reconnects in a row without a single event before giving up: rides out a restart, not an outage. */
export const DEFAULT_SSE_MAX_RECONNECTS = 5;

/**
 * Opens (or reopens) the stream; `lastEventId` goes into the `Last-Event-ID` request header.
 * Resolves to null when the server answered 204 No Content: per the WHATWG EventSource rules that
 * is how a server says "the feed is over, stop reconnecting".
 */
export type OpenEventStream = (lastEventId: string | undefined) => Promise<AsyncIterable<Uint8Array> | null>;

export interface ReconnectOptions extends SseOptions {
  /** Reconnection time until the server sends `retry:`. Default DEFAULT_SSE_RETRY_MS. */
  readonly retryMs?: number;
  /** Reconnects in a row that delivered no event. Default DEFAULT_SSE_MAX_RECONNECTS. */
  readonly maxReconnects?: number;
  /** Ends the stream (waiting, connecting or reading) with AbortError. */
  readonly signal?: AbortSignal;
  /** The last event id to resume from on the first open. */
  readonly lastEventId?: string;
  /** Overrides which failures are worth a reconnect (default: network, timeouts, 429/502/503/504, a body cut off). */
  readonly shouldReconnect?: (error: unknown) => boolean;
}

export function reconnectingEventStream(
  open: OpenEventStream,
  options?: ReconnectOptions & { readonly parseJson?: false },
): AsyncGenerator<SseEvent<string>, void, undefined>;
export function reconnectingEventStream<T = unknown>(
  open: OpenEventStream,
  options: ReconnectOptions & { readonly parseJson: true },
): AsyncGenerator<SseEvent<T>, void, undefined>;
export async function* reconnectingEventStream(
  open: OpenEventStream,
  options: ReconnectOptions = {},
): AsyncGenerator<SseEvent<unknown>, void, undefined> {
  const { signal } = options;
  const maxReconnects = options.maxReconnects ?? DEFAULT_SSE_MAX_RECONNECTS;
  const shouldReconnect = options.shouldReconnect ?? isReconnectable;
  let lastEventId = options.lastEventId === '' ? undefined : options.lastEventId;
  let retry: number | undefined;
  let failedInARow = 0;
  for (;;) {
    if (signal?.aborted) throw abortError(signal, 'event stream');
    let failure: unknown;
    let delivered = false;
    const decoder = new SseDecoder({ ...decoderState(options), lastEventId, retry });
    let events: AsyncGenerator<SseEvent<unknown>, boolean, undefined> | undefined;
    try {
      const source = await open(lastEventId);
      if (source === null) return;
      events = decodeEvents(iterateUntilAborted(source, signal, 'event stream'), decoder, options);
      for (;;) {
        const next = await events.next();
        // Read the resume point after every step: an id-only block moves it without an event.
        lastEventId = decoder.lastEventId === '' ? undefined : decoder.lastEventId;
        retry = decoder.retry;
        if (next.done) {
          if (next.value) return; // the terminator: the server said the stream is complete
          break;
        }
        delivered = true;
        failedInARow = 0;
        yield next.value;
      }
    } catch (error) {
      if (error instanceof AbortError || signal?.aborted || !shouldReconnect(error)) throw error;
      failure = error;
    } finally {
      // The consumer broke out (or we return/throw): release this connection. A no-op when the
      // events generator already finished.
      await events?.return(false);
    }
    if (!delivered) failedInARow++;
    if (failedInARow > maxReconnects) {
      if (failure !== undefined) throw failure;
      return;
    }
    await pause(Math.max(retry ?? options.retryMs ?? DEFAULT_SSE_RETRY_MS, retryAfter(failure)), signal);
  }
}

/** Network trouble, our timeouts, a gateway or rate limit answer, or a body cut off mid-stream. */
export function isReconnectable(error: unknown): boolean {
  if (error instanceof ApiError) return RETRYABLE_STATUSES.has(error.status);
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  // Our other errors (parse errors, aborts, bad input) would only repeat; undici's socket errors
  // ("other side closed", ECONNRESET) mean the connection broke: reconnect.
  return !(error instanceof SdkError) && error instanceof Error;
}

/** A 429/503 with Retry-After asks for at least that long. */
function retryAfter(failure: unknown): number {
  return failure instanceof ApiError && failure.retryAfterMs !== undefined ? failure.retryAfterMs : 0;
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal, 'event stream');
    throw error;
  }
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first (node:timers/promises' shape, without Node). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
