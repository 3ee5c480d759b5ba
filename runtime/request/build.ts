/**
 * buildRequest: one operation call's params -> path, query, headers, cookies and body.
 * Pure and synchronous; the per-operation work is cached in plan.ts.
 */
import type { OperationDescriptor, ParameterDescriptor } from '../descriptor.js';
import { InvalidArgumentError } from '../errors.js';
import { encodeBody } from './body.js';
import { bodyEncodingOf } from './media-type.js';
import { encodeAllowReserved, encodeCookieValue, encodeStrict } from './percent.js';
import { planFor } from './plan.js';
import {
  scalarToString,
  serializeCookieParam,
  serializeHeaderParam,
  serializePathParam,
  serializeQueryParam,
} from './styles.js';
import type { EncodedBody, ShapedRequest } from './types.js';

/**
 * CR and LF end a header line (header injection); NUL and other controls are refused by every
 * HTTP parser; characters beyond Latin-1 cannot be put on the wire (undici would throw a generic
 * error deep in the transport). Same set as undici's header-value check.
 */
const HEADER_VALUE_FORBIDDEN = /[^\t\x20-\x7e\x80-\xff]/;

/** A `.` or `..` segment would be resolved away by servers and proxies: `/files/..` is `/`. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

const EMPTY_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});

export function buildRequest(op: OperationDescriptor, params: object | undefined): ShapedRequest {
  const plan = planFor(op);
  const values = (params ?? EMPTY_PARAMS) as Record<string, unknown>;

  let path = '';
  for (const part of plan.pathParts) {
    if (typeof part === 'string') {
      path += part;
      continue;
    }
    const value = valueOf(op, part, values);
    path += serializePathParam(part, contentEncoded(part, value), encodeStrict);
  }
  if (DOT_SEGMENT.test(path)) {
    throw new InvalidArgumentError(
      `${op.id}: a path parameter is "." or "..", which servers would resolve to another path; refusing to send ${op.method} ${op.path}`,
    );
  }

  let query = '';
  for (const param of plan.query) {
    const value = valueOf(op, param, values);
    const piece = serializeQueryParam(
      param,
      contentEncoded(param, value),
      param.allowReserved ? encodeAllowReserved : encodeStrict,
    );
    if (piece !== '') query += (query === '' ? '' : '&') + piece;
  }

  const headers: Record<string, string> = {};
  for (const param of plan.headers) {
    const header = serializeHeaderParam(param, contentEncoded(param, valueOf(op, param, values)));
    if (header === undefined) continue;
    // The value is not echoed: header parameters often carry tokens.
    if (HEADER_VALUE_FORBIDDEN.test(header)) {
      throw new InvalidArgumentError(
        `${op.id}: header parameter "${param.name}" contains CR, LF, NUL or another character a header cannot carry (control or beyond Latin-1); refusing to send it`,
      );
    }
    headers[param.name] = header;
  }

  const cookies: Array<[string, string]> = [];
  for (const param of plan.cookies) {
    for (const pair of serializeCookieParam(
      param,
      contentEncoded(param, valueOf(op, param, values)),
      encodeCookieValue,
    ))
      cookies.push(pair);
  }

  let body: EncodedBody | undefined;
  if (plan.body !== undefined) {
    body = encodeBody(plan.body, values, op.id);
    if (body !== undefined) headers['content-type'] = body.contentType;
  }
  return body === undefined ? { path, query, headers, cookies } : { path, query, headers, cookies, body };
}

/** The param's value; throws a clear error when a required one is missing. */
function valueOf(op: OperationDescriptor, param: ParameterDescriptor, values: Record<string, unknown>): unknown {
  const value = values[param.key ?? param.name];
  if ((value === undefined || value === null) && (param.required || param.in === 'path')) {
    // A name used in two locations is set under its own key (`queryId`): say which key to set.
    const key = param.key !== undefined && param.key !== param.name ? ` (set it as \`${param.key}\`)` : '';
    throw new InvalidArgumentError(`${op.id}: missing required ${param.in} parameter "${param.name}"${key}`);
  }
  return value;
}

/** A `content`-encoded parameter is serialised as its media type (JSON) and then sent as a string. */
function contentEncoded(param: ParameterDescriptor, value: unknown): unknown {
  if (param.contentType === undefined || value === undefined || value === null) return value;
  return bodyEncodingOf(param.contentType) === 'json' ? JSON.stringify(value) : scalarToString(value);
}

/** Joins cookie pairs into one `Cookie` header value (RFC 6265 §4.2.1: `; ` separated). */
export function formatCookieHeader(cookies: ReadonlyArray<readonly [string, string]>): string {
  let out = '';
  for (const [name, value] of cookies) out += (out === '' ? '' : '; ') + name + '=' + value;
  return out;
}
