/**
 * Percent-encoding per RFC 3986, as RFC 6570 (which OpenAPI's `style` values are defined by)
 * applies it. All patterns are module constants: nothing is compiled per call.
 */

/**
 * Characters `encodeURIComponent` leaves alone although RFC 3986 reserves them (sub-delims).
 * RFC 6570 simple expansion encodes them, so we do too: `(` in a path segment or `'` in a query
 * value must reach the server as data, not syntax.
 */
const SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

/** `%25` followed by two hex digits: a valid percent triple that `encodeURI` double-encoded. */
const DOUBLE_ENCODED_TRIPLE = /%25([0-9A-Fa-f]{2})/g;

/**
 * Reserved characters that `allowReserved` still may not pass through in a query: `#` would end
 * the URL's query, `&` would split the pair, and `+` means space to form decoders (OAS 3.1.1
 * §4.8.12.4 leaves these to the application). `encodeURI` keeps them, so we encode them after.
 */
const QUERY_BREAKING_RESERVED = /[#&+]/g;

function hexEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Lone surrogates cannot be UTF-8 encoded (`encodeURIComponent` throws URIError). We replace them
 * with U+FFFD, exactly like WHATWG URL and URLSearchParams do, instead of failing the call.
 */
function wellFormed(value: string): string {
  const es2024 = value as string & WellFormedString;
  return es2024.isWellFormed() ? value : es2024.toWellFormed();
}

/** ES2024 String methods (Node >= 20 has them; our tsconfig's lib is ES2023). */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** Encodes everything except RFC 3986 unreserved characters (ALPHA / DIGIT / - . _ ~). */
export function encodeStrict(value: string): string {
  // Most values (ids, numbers, slugs) need no encoding: skip the encode + replace passes.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(wellFormed(value)).replace(SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT, hexEscape);
}

/** A value made only of RFC 3986 unreserved characters encodes to itself. */
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

/**
 * RFC 6570 reserved expansion for `allowReserved: true` query values: reserved characters and
 * existing percent triples pass unchanged; everything else (space, non-ASCII, a lone `%`, `[`, `]`)
 * is encoded, and so are `#`, `&`, `+` (see QUERY_BREAKING_RESERVED).
 */
export function encodeAllowReserved(value: string): string {
  return encodeURI(wellFormed(value)).replace(DOUBLE_ENCODED_TRIPLE, '%$1').replace(QUERY_BREAKING_RESERVED, hexEscape);
}

/** Characters RFC 6265 forbids in a cookie-octet (CTLs are caught by encodeStrict already). */
export function encodeCookieValue(value: string): string {
  // encodeStrict covers every character outside cookie-octet (space, DQUOTE, comma, semicolon,
  // backslash, non-ASCII) and a few allowed ones, which servers decode back; one rule is simpler
  // to reason about than a second table.
  return encodeStrict(value);
}
