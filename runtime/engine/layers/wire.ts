/**
 * The bottom of the hop tier: the hop becomes the exported `OutgoingRequest` and goes through the
 * wire chain, `Middleware` all of the same shape (upload progress, debug log, the caller's
 * middleware), to the transport. Transport errors are tagged for classification, so errors
 * middleware throws pass through untouched.
 */
import type { AttemptAbort } from '../../transport/attempt-abort.js';
import type { IncomingResponse, Middleware, OutgoingRequest, Target } from '../../transport/types.js';
import { TransportFailure, type AttemptContext, type CallState, type Hop, type SendHop } from '../types.js';

/** The wire's bottom for a call: its middleware list (already in order) over the call's transport. */
export function wireSender(middleware: readonly Middleware[]): SendHop {
  return async (hop, context) => {
    const request =
      middleware.length === 0
        ? new TransportRequest(context.call, hop, context.attempt, context.abort)
        : requestForMiddleware(context.call, hop, context.attempt, context.abort);
    context.currentUrl = hop.target.url;
    const response = await exchange(context, middleware, request, hop.target);
    context.currentUrl = response.url;
    return { request, response };
  };
}

/**
 * What middleware receives: `signal` is an own getter, so `next({ ...request, headers })` keeps
 * it, and a real AbortSignal is made only when middleware reads it.
 */
function requestForMiddleware(call: CallState, hop: Hop, attempt: number, abort: AttemptAbort): OutgoingRequest {
  return {
    method: hop.method,
    url: hop.url,
    headers: hop.headers,
    body: hop.body,
    attempt,
    operationId: call.op.id,
    get signal(): AbortSignal {
      return abort.signal;
    },
  };
}

/**
 * The same request straight to the transport (no middleware, the common case): a class, because
 * an object literal with a getter costs ~0.7 us per call to create (the throughput bench); nobody
 * spreads it, so the getter may live on the prototype.
 */
class TransportRequest implements OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: OutgoingRequest['body'];
  readonly operationId: string;
  readonly #abort: AttemptAbort;

  constructor(
    call: CallState,
    hop: Hop,
    readonly attempt: number,
    abort: AttemptAbort,
  ) {
    this.method = hop.method;
    this.url = hop.url;
    this.headers = hop.headers;
    this.body = hop.body;
    this.operationId = call.op.id;
    this.#abort = abort;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
}

function exchange(
  context: AttemptContext,
  middleware: readonly Middleware[],
  request: OutgoingRequest,
  target: Target,
): Promise<IncomingResponse> {
  const { transport } = context.call;
  const terminal = (req: OutgoingRequest): Promise<IncomingResponse> =>
    transport(req, target, context.abort).catch((error: unknown) => {
      throw new TransportFailure(error);
    });
  if (middleware.length === 0) return terminal(request);
  const run = (index: number, req: OutgoingRequest): Promise<IncomingResponse> =>
    index === middleware.length ? terminal(req) : middleware[index]!(req, (next) => run(index + 1, next));
  return run(0, request);
}
