/**
 * Incremental line splitting over decoded text for the stream parsers: lines may arrive split
 * across any number of chunks, and a line is bounded so a server that never sends a newline
 * cannot grow our memory without limit. Scans only new text, so a long line that arrives in many
 * small chunks costs linear time, not quadratic.
 */

/**
 * Longest line (or SSE event) we hold, in UTF-16 code units: far beyond any real event or NDJSON
 * record (OpenAI's largest chunks are a few KB; a 16 MB record belongs in a download), small
 * enough that a runaway stream fails instead of taking the process down.
 */
export const MAX_STREAM_LINE_LENGTH = 16 * 1024 * 1024;

export class LineTooLongError extends Error {}

export interface LineSplitterOptions {
  /** true: CR, LF and CRLF all end a line (SSE). false: only LF, a trailing CR is dropped (NDJSON). */
  readonly bareCarriageReturn: boolean;
  readonly maxLineLength: number;
}

// Shared, stateful (/g) regexes: safe because push() sets lastIndex first and never awaits.
const ANY_EOL = /[\r\n]/g;
const LF_ONLY = /\n/g;

export class LineSplitter {
  readonly #bareCR: boolean;
  readonly #max: number;
  #pending = '';
  /** The previous text ended in CR: a LF at the start of the next text belongs to that CRLF. */
  #skipLF = false;

  constructor(options: LineSplitterOptions) {
    this.#bareCR = options.bareCarriageReturn;
    this.#max = options.maxLineLength;
  }

  /** The complete lines in `text` (with what was pending before), without their line endings. */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.#skipLF && text.length > 0) {
      if (text.charCodeAt(0) === 0x0a) start = 1;
      this.#skipLF = false;
    }
    const eol = this.#bareCR ? ANY_EOL : LF_ONLY;
    eol.lastIndex = start;
    for (let match = eol.exec(text); match !== null; match = eol.exec(text)) {
      const end = match.index;
      let line = this.#pending === '' ? text.slice(start, end) : this.#pending + text.slice(start, end);
      this.#pending = '';
      start = end + 1;
      if (text.charCodeAt(end) === 0x0d) {
        if (start === text.length) this.#skipLF = true;
        else if (text.charCodeAt(start) === 0x0a) start++;
      } else if (!this.#bareCR && line.endsWith('\r')) {
        line = line.slice(0, -1);
      }
      eol.lastIndex = start;
      lines.push(line);
    }
    if (start < text.length) {
      if (this.#pending.length + (text.length - start) > this.#max) throw new LineTooLongError();
      this.#pending += text.slice(start);
    }
    return lines;
  }

  /** What is left after the last line ending (the stream ended without one). */
  flush(): string {
    const rest = this.#pending;
    this.#pending = '';
    this.#skipLF = false;
    return !this.#bareCR && rest.endsWith('\r') ? rest.slice(0, -1) : rest;
  }
}
