/**
 * Per pagination style: where a page's items are and how the next page is reached.
 * - link:   `Link: <...>; rel="next"` until absent.
 * - url:    the next page's URL at a body path, until absent/empty.
 * - cursor: the next cursor at a body path goes into `param`, until absent/empty.
 * - offset: `param` advances by the number of items received, until a page comes back empty
 *           (or shorter than the `limitParam` value the caller passed).
 * - page:   `param` advances by one (from 1 when the caller gave none), until a page is empty.
 */
import type { PaginationDescriptor } from '../descriptor.js';
import { PaginationError } from '../errors.js';
import { readBodyPath } from './body-path.js';
import { parseLinkHeader } from './link-header.js';
import type { RawPage } from './types.js';

/** First page number when the caller does not pass one: 1-based numbering is the common case. */
export const DEFAULT_FIRST_PAGE_NUMBER = 1;

/**
 * A URL safe for an error: origin and path only. The query may carry an API key (an apiKey
 * scheme `in: query` that the server echoes into its links), and this module does not know the
 * API's secret names, so it drops the query rather than guess.
 */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export type NextStep =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'params'; readonly params: Readonly<Record<string, unknown>>; readonly cursor?: string };

export function itemsOf(pagination: PaginationDescriptor, raw: RawPage<unknown>): unknown[] {
  const value = pagination.items === undefined ? raw.body : readBodyPath(raw.body, pagination.items);
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) {
    // `{ "items": null }` or a missing key on the last page is common; anything else is not a list.
    if (pagination.items !== undefined || raw.body === undefined || raw.body === null || raw.body === '') return [];
  }
  throw new PaginationError(
    `expected ${pagination.items === undefined ? 'the response body' : `the body at ${pagination.items}`} to be an array of items; got ${value === null ? 'null' : typeof value}`,
    { url: withoutQuery(raw.url) },
  );
}

export function nextStep(
  pagination: PaginationDescriptor,
  raw: RawPage<unknown>,
  items: readonly unknown[],
  params: Readonly<Record<string, unknown>>,
): NextStep | undefined {
  switch (pagination.style) {
    case 'link': {
      const link = raw.headers.link ?? raw.headers.Link;
      const url = parseLinkHeader(link as string | readonly string[] | undefined, raw.url).get('next');
      return url === undefined ? undefined : { kind: 'url', url };
    }
    case 'url': {
      const value = readBodyPath(raw.body, pagination.next);
      if (typeof value !== 'string' || value === '') return undefined;
      try {
        return { kind: 'url', url: new URL(value, raw.url).href };
      } catch {
        throw new PaginationError(`the next page URL at ${pagination.next} is not a URL`, {
          url: withoutQuery(raw.url),
        });
      }
    }
    case 'cursor': {
      const value = readBodyPath(raw.body, pagination.next);
      if (value === undefined || value === null || value === '' || value === false) return undefined;
      const cursor = typeof value === 'string' ? value : String(value);
      return { kind: 'params', params: { ...params, [pagination.param]: value }, cursor };
    }
    case 'offset': {
      if (items.length === 0) return undefined;
      const limit = pagination.limitParam === undefined ? undefined : Number(params[pagination.limitParam]);
      if (limit !== undefined && Number.isFinite(limit) && items.length < limit) return undefined;
      const offset = Number(params[pagination.param] ?? 0);
      return { kind: 'params', params: { ...params, [pagination.param]: offset + items.length } };
    }
    case 'page': {
      if (items.length === 0) return undefined;
      const page = Number(params[pagination.param] ?? DEFAULT_FIRST_PAGE_NUMBER);
      return { kind: 'params', params: { ...params, [pagination.param]: page + 1 } };
    }
  }
}
