/**
 * RFC 8288 `Link` header parsing, tolerant of what servers really send.
 *
 *   Link       = #link-value
 *   link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )
 *   link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
 *
 * A hand-written scanner rather than a split on ',' and ';': commas and semicolons are legal
 * inside `<...>` and inside quoted strings (`title="a, b; c"`), and a regex that gets that right
 * is harder to read than this loop. Malformed pieces are skipped, never thrown on: a bad Link
 * header must not fail a call whose body arrived fine.
 */

/** Several relation types in one value (`rel="next last"`) are separated by whitespace. */
const WHITESPACE_RUN = /\s+/;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Scanner state over one header value. */
class Scanner {
  index = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.index >= this.text.length;
  }

  peek(): string {
    return this.text[this.index];
  }

  skipWhitespace(): void {
    while (!this.done && isWhitespace(this.text.charCodeAt(this.index))) this.index++;
  }

  /** Skips to just past the next ',' outside quotes and angle brackets (error recovery). */
  skipToNextLinkValue(): void {
    let quoted = false;
    let bracketed = false;
    while (!this.done) {
      const char = this.text[this.index++];
      if (quoted) {
        if (char === '\\') this.index++;
        else if (char === '"') quoted = false;
      } else if (bracketed) {
        if (char === '>') bracketed = false;
      } else if (char === '"') quoted = true;
      else if (char === '<') bracketed = true;
      else if (char === ',') return;
    }
  }

  /** Reads up to (not including) any of the stop characters. */
  readUntil(stops: string): string {
    const start = this.index;
    while (!this.done && !stops.includes(this.text[this.index])) this.index++;
    return this.text.slice(start, this.index);
  }

  /** Reads a quoted-string (the opening '"' is current) with backslash escapes; tolerates a missing close. */
  readQuoted(): string {
    this.index++;
    let value = '';
    while (!this.done) {
      const char = this.text[this.index++];
      if (char === '"') return value;
      if (char === '\\' && !this.done) value += this.text[this.index++];
      else value += char;
    }
    return value;
  }
}

/** Parses one link-value's params; returns the first `rel` value (RFC 8288 §3.3: later ones are ignored). */
function readRel(scanner: Scanner): string | undefined {
  let rel: string | undefined;
  for (;;) {
    scanner.skipWhitespace();
    if (scanner.done) return rel;
    const char = scanner.peek();
    if (char === ',') {
      scanner.index++;
      return rel;
    }
    if (char !== ';') {
      // Junk between params: drop the rest of this link-value.
      scanner.skipToNextLinkValue();
      return rel;
    }
    scanner.index++;
    scanner.skipWhitespace();
    const name = scanner.readUntil('=;,').trim().toLowerCase();
    let value = '';
    if (scanner.peek() === '=') {
      scanner.index++;
      scanner.skipWhitespace();
      value = scanner.peek() === '"' ? scanner.readQuoted() : scanner.readUntil(';,').trim();
    }
    if (name === 'rel' && rel === undefined) rel = value;
  }
}

/**
 * Every link's relation types mapped to its absolute URL (relative references resolved against
 * `baseUrl`, the URL of the request that returned the header). Relation types are lower-cased;
 * when two links claim the same rel, the first wins. Multiple header lines are read in order.
 */
export function parseLinkHeader(value: string | readonly string[] | undefined, baseUrl: string): Map<string, string> {
  const links = new Map<string, string>();
  if (value === undefined) return links;
  const values = typeof value === 'string' ? [value] : value;
  for (const text of values) {
    if (typeof text !== 'string') continue;
    const scanner = new Scanner(text);
    while (!scanner.done) {
      scanner.skipWhitespace();
      if (scanner.done) break;
      if (scanner.peek() === ',') {
        scanner.index++;
        continue;
      }
      if (scanner.peek() !== '<') {
        scanner.skipToNextLinkValue();
        continue;
      }
      scanner.index++;
      const reference = scanner.readUntil('>');
      if (scanner.done) break; // unterminated '<': nothing trustworthy follows
      scanner.index++;
      const rel = readRel(scanner);
      if (rel === undefined) continue;
      const target = resolve(reference.trim(), baseUrl);
      if (target === undefined) continue;
      for (const relationType of rel.trim().toLowerCase().split(WHITESPACE_RUN)) {
        if (relationType !== '' && !links.has(relationType)) links.set(relationType, target);
      }
    }
  }
  return links;
}

function resolve(reference: string, baseUrl: string): string | undefined {
  try {
    return new URL(reference, baseUrl).href;
  } catch {
    return undefined;
  }
}
