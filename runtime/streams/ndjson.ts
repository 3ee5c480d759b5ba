/**
 * NDJSON / JSON Lines responses (`application/x-ndjson`, `application/jsonl`): one JSON value per
 * line, as an async iterator. Lines split across chunks are joined, `\r\n` is accepted, blank
 * lines are skipped. A malformed line raises ResponseParseError naming the line number, never
 * quoting the line (it may be huge, or carry data that does not belong in a log).
 *
 * Breaking out of `for await` (or an error) calls `return()` on the source, which for an undici
 * body destroys the stream and closes the connection.
 */
import { ResponseParseError, type ErrorContext } from '../errors.js';
import { LineSplitter, LineTooLongError, MAX_STREAM_LINE_LENGTH } from './lines.js';

export interface NdjsonOptions {
  /** Longest line accepted (UTF-16 code units); default MAX_STREAM_LINE_LENGTH. */
  readonly maxLineLength?: number;
  /** Method, redacted URL and status of the response, copied into parse errors. */
  readonly context?: ErrorContext & { readonly status?: number };
}

export async function* parseNdjson<T = unknown>(
  source: AsyncIterable<Uint8Array>,
  options: NdjsonOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxLineLength = options.maxLineLength ?? MAX_STREAM_LINE_LENGTH;
  const splitter = new LineSplitter({ bareCarriageReturn: false, maxLineLength });
  // Default TextDecoder: strips a leading BOM, and keeps a character split across chunks whole.
  const decoder = new TextDecoder();
  let lineNo = 0;
  const split = (text: string): string[] => {
    try {
      return splitter.push(text);
    } catch (error) {
      if (error instanceof LineTooLongError) {
        throw new ResponseParseError(
          `NDJSON line ${lineNo + 1} is longer than ${maxLineLength} characters`,
          options.context,
        );
      }
      throw error;
    }
  };
  for await (const chunk of source) {
    for (const line of split(decoder.decode(chunk, { stream: true }))) {
      lineNo++;
      if (!isBlank(line)) yield parseLine<T>(line, lineNo, options);
    }
  }
  const tail = [...split(decoder.decode()), splitter.flush()];
  for (const line of tail) {
    lineNo++;
    if (!isBlank(line)) yield parseLine<T>(line, lineNo, options);
  }
}

const NON_WHITESPACE = /\S/;

function isBlank(line: string): boolean {
  return !NON_WHITESPACE.test(line);
}

function parseLine<T>(line: string, lineNo: number, options: NdjsonOptions): T {
  try {
    return JSON.parse(line) as T;
  } catch (error) {
    // The SyntaxError (kept as the non-enumerable cause) quotes the line; the message does not.
    throw new ResponseParseError(`NDJSON line ${lineNo} is not valid JSON (${line.length} characters)`, {
      ...options.context,
      cause: error,
    });
  }
}
