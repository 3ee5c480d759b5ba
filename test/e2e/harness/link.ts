/**
 * A deliberately small RFC 8288 Link reader for the harness smoke tests (plain undici, before the
 * SDK exists) and for cross-checking what the SDK walked. It handles what the servers under test
 * send: `<url>; rel="a b", <url>; rel=c`. The runtime has the full parser.
 */
export function parseLinks(header: string | string[] | undefined, base: string): Record<string, string> {
  const links: Record<string, string> = {};
  if (header === undefined) return links;
  const text = Array.isArray(header) ? header.join(', ') : header;
  for (const match of text.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const url = new URL(match[1]!, base).href;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    for (const name of (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean)) links[name.toLowerCase()] ??= url;
  }
  return links;
}
