/**
 * What a call needs from its client (resolved once per client in engine/settings.ts), and what
 * pagination asks of a call. Types only: the call itself is call.ts.
 */
import type { ApiDescriptor, OperationDescriptor } from '../descriptor.js';
import type { ResolvedAuth, SecretNames } from '../auth/index.js';
import type { TimeoutOptions } from '../options.js';
import type { CallResult } from '../response/api-promise.js';
import type { ResolvedBase } from '../transport/base-url.js';
import type { PoolHolder } from '../transport/pool-holder.js';
import type { ClientHeaders } from '../transport/headers.js';
import type { Middleware, Transport } from '../transport/types.js';
import type { Dispatcher } from 'undici';
import type { CookieStore } from '../transport/cookie-jar.js';
import type { ResponseValidation } from '../validation/policy.js';
import type { ValidateMode } from '../validation/types.js';
import type { Bulkhead } from '../policies/bulkhead.js';
import type { CallStats } from '../policies/stats.js';
import type { CircuitBreaker } from '../policies/circuit-breaker.js';
import type { RuntimeLog } from '../policies/logging.js';
import type { CallPipelines } from './pipeline.js';
import type { SendHop } from './types.js';

/** What a call needs from its client; built once per client (see client.ts). */
export interface ClientCore {
  readonly api: ApiDescriptor;
  /** The API's base URL. */
  base(): ResolvedBase;
  /** Where this operation goes: its own servers when it has some (runtime/transport/base-url.ts). */
  baseFor(op: OperationDescriptor): ResolvedBase;
  readonly pools: PoolHolder;
  readonly bulkhead: Bulkhead;
  readonly log: RuntimeLog;
  readonly timeouts: Required<TimeoutOptions>;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly maxRedirects: number;
  readonly maxResponseBytes: number;
  readonly headers: ClientHeaders;
  readonly resolveAuth: (op: OperationDescriptor) => ResolvedAuth;
  readonly allowInsecureAuth: boolean;
  readonly secrets: SecretNames;
  readonly middleware: readonly Middleware[];
  readonly cookieJar: CookieStore | undefined;
  readonly breaker: CircuitBreaker | undefined;
  readonly stats: CallStats;
  /** The client's `validate` mode; a call's option overrides it. */
  readonly validate: ValidateMode;
  readonly validation: ResponseValidation;
  /** The call tier, composed once per client (engine/pipeline.ts). */
  readonly callPipelines: CallPipelines;
  /** The hop tier for calls without upload progress or per-call middleware, composed once per client. */
  readonly hopFor: (sendsCredentials: boolean, digest: boolean) => SendHop;
  /** The bottom layer: sends on one of the client's pools. */
  readonly transportFor: (dispatcher: Dispatcher) => Transport;
}

/** Pagination's needs: fetch an absolute next-page URL, and learn the URL a page came from. */
export interface PageCall {
  /** GET this URL (it carries the query) instead of the operation's path and query. */
  readonly absoluteUrl?: string;
  /** An SSE reconnect: hand back the body as a BinaryResponse, not as a new event stream. */
  readonly rawStream?: boolean;
}

export interface PageableResult extends CallResult {
  /** Only for PageCall: the final URL (after redirects) without credential query parameters. */
  readonly pageUrl: string | undefined;
}
