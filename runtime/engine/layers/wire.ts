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
    const request = newRequest(context.call, hop, context.attempt, context.abort);
    context.currentUrl = hop.target.url;
    const response = await exchange(context, middleware, request, hop.target);
    context.currentUrl = response.url;
    return { request, response };
  };
}

function newRequest(call: CallState, hop: Hop, attempt: number, abort: AttemptAbort): OutgoingRequest {
  return {
    method: hop.method,
    url: hop.url,
    headers: hop.headers,
    body: hop.body,
    attempt,
    operationId: call.op.id,
    // A real AbortSignal only when middleware looks at it.
    get signal(): AbortSignal {
      return abort.signal;
    },
  };
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
