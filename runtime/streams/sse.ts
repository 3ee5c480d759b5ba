/**
 * Server-sent events (`text/event-stream`) as an async iterator, per the WHATWG rules
 * (sse-decoder.ts): `event`, multi-line `data`, `id`, `retry`, comments, a leading BOM, and CRLF,
 * LF or bare CR line endings, split anywhere across chunks.
 *
 * Breaking out of `for await` (or an error) calls `return()` on the source, which for an undici
 * body destroys the stream and closes the connection.
 */
import { ResponseParseError, type ErrorContext } from '../errors.js';
import { LineTooLongError, MAX_STREAM_LINE_LENGTH } from './lines.js';
import { EventTooLongError, SseDecoder, type SseEvent } from './sse-decoder.js';

export interface SseOptions {
  /** Parse each event's data as JSON (an event with empty data yields `undefined`). */
  readonly parseJson?: boolean;
  /** Data that marks the end of the stream (OpenAI's `[DONE]`): iteration stops there, the source is released. */
  readonly terminator?: string;
  /** Longest line or event data accepted (UTF-16 code units); default MAX_STREAM_LINE_LENGTH. */
  readonly maxEventLength?: number;
  /** Method, redacted URL and status of the response, copied into parse errors. */
  readonly context?: ErrorContext & { readonly status?: number };
}

export function parseSse(
  source: AsyncIterable<Uint8Array>,
  options?: SseOptions & { readonly parseJson?: false },
): AsyncGenerator<SseEvent<string>, void, undefined>;
export function parseSse<T = unknown>(
  source: AsyncIterable<Uint8Array>,
  options: SseOptions & { readonly parseJson: true },
): AsyncGenerator<SseEvent<T>, void, undefined>;
export async function* parseSse(
  source: AsyncIterable<Uint8Array>,
  options: SseOptions = {},
): AsyncGenerator<SseEvent<unknown>, void, undefined> {
  yield* decodeEvents(source, new SseDecoder(decoderState(options)), options);
}

export function decoderState(options: SseOptions): { maxEventLength: number } {
  return { maxEventLength: options.maxEventLength ?? MAX_STREAM_LINE_LENGTH };
}

/**
 * Events from one connection, through `decoder` (which the caller may keep, to read lastEventId
 * and retry afterwards). Returns true when the terminator was seen.
 */
export async function* decodeEvents(
  source: AsyncIterable<Uint8Array>,
  decoder: SseDecoder,
  options: SseOptions,
): AsyncGenerator<SseEvent<unknown>, boolean, undefined> {
  // Default TextDecoder: strips one leading BOM (the spec's rule) and joins characters split across chunks.
  const text = new TextDecoder();
  let count = 0;
  const push = (chunk: string): SseEvent[] => {
    try {
      return decoder.push(chunk);
    } catch (error) {
      if (error instanceof LineTooLongError || error instanceof EventTooLongError) {
        throw new ResponseParseError(
          `event stream: an event is longer than ${options.maxEventLength ?? MAX_STREAM_LINE_LENGTH} characters`,
          options.context,
        );
      }
      throw error;
    }
  };
  for await (const chunk of source) {
    for (const event of push(text.decode(chunk, { stream: true }))) {
      if (options.terminator !== undefined && event.data === options.terminator) return true;
      yield options.parseJson ? withJson(event, ++count, options) : event;
    }
  }
  for (const event of push(text.decode())) {
    if (options.terminator !== undefined && event.data === options.terminator) return true;
    yield options.parseJson ? withJson(event, ++count, options) : event;
  }
  decoder.end();
  return false;
}

function withJson(event: SseEvent, index: number, options: SseOptions): SseEvent<unknown> {
  if (event.data === '') return { ...event, data: undefined };
  try {
    return { ...event, data: JSON.parse(event.data) as unknown };
  } catch (error) {
    throw new ResponseParseError(
      `event stream: the data of event ${index} ("${event.event.slice(0, 40)}") is not valid JSON (${event.data.length} characters)`,
      { ...options.context, cause: error },
    );
  }
}

export type { SseEvent } from './sse-decoder.js';
