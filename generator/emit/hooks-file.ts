/**
 * Hooks: the common customisations (a header on every call, logging, metrics, error reporting)
 * without editing generated files. Two files:
 *   src/hook-middleware.ts  generated: the typed hook interface and the one runtime `middleware`
 *                           that calls the hooks (built on the runtime's existing middleware
 *                           option, so the runtime needs nothing new);
 *   src/hooks.ts            the user's: created once with commented examples, never overwritten
 *                           (generate.ts hands it to write.ts as a `create` user file).
 */
import type { ApiModel } from '../model/index.js';
import { GENERATED_HEADER, stringLiteral } from './escape.js';
import { unionDeclaration } from './code-writer.js';

export const HOOKS_FILE = 'src/hooks.ts';
export const HOOK_MIDDLEWARE_FILE = 'src/hook-middleware.ts';

/** The generated half: types and the middleware. */
export function emitHookMiddlewareFile(model: ApiModel, runtimeImport: string): string {
  const ids = [...new Set(model.operations.map((op) => op.id))].sort();
  const operationIdType = unionDeclaration(
    'export type OperationId =',
    ids.length > 0 ? ids.map(stringLiteral) : ['never'],
  );
  return `${GENERATED_HEADER}import type { IncomingResponse, Middleware, OutgoingRequest } from ${stringLiteral(runtimeImport)};

/** The operationIds of this API, as hooks see them in \`request.operationId\`. */
${operationIdType}

/** One attempt's request, as the hooks see it. Headers (lower-case names) may be changed in place. */
export interface HookRequest extends OutgoingRequest {
  readonly operationId: OperationId;
}

/** What \`onError\` is told: an error status (\`response\` set) or no response at all (\`error\` set). */
export interface HookFailure {
  readonly request: HookRequest;
  readonly response?: IncomingResponse;
  readonly error?: unknown;
}

/**
 * Hooks run around every attempt (retries included), before the SDK's own handling: the typed
 * error (NotFoundError, ...) is still raised after \`onError\` returns.
 */
export interface SdkHooks {
  /** Before an attempt is sent: change headers in place, or return a replacement request. */
  beforeRequest?(
    request: HookRequest,
  ): OutgoingRequest | undefined | void | Promise<OutgoingRequest | undefined | void>;
  /** When the response headers arrive (the body is not read yet): inspect it, or return a replacement. */
  afterResponse?(
    response: IncomingResponse,
    request: HookRequest,
  ): IncomingResponse | undefined | void | Promise<IncomingResponse | undefined | void>;
  /** An attempt failed: a status of 400 or more, or no response (connection refused, timeout, abort). */
  onError?(failure: HookFailure): void | Promise<void>;
}

/** Responses from this status on are reported to \`onError\`. */
const FIRST_ERROR_STATUS = 400;

/** Middleware made by hooksMiddleware(): a client derived with withOptions() already has it. */
const installed = new WeakSet<Middleware>();

/** The runtime middleware that calls the hooks. */
export function hooksMiddleware(hooks: SdkHooks): Middleware {
  const middleware: Middleware = async (request, next) => {
    // The runtime sets operationId from this API's descriptors, so it is always an OperationId.
    const asHook = (r: OutgoingRequest) => r as HookRequest;
    const sent = (await hooks.beforeRequest?.(asHook(request))) ?? request;
    let response: IncomingResponse;
    try {
      response = await next(sent);
    } catch (error) {
      await hooks.onError?.({ request: asHook(sent), error });
      throw error;
    }
    const seen = (await hooks.afterResponse?.(response, asHook(sent))) ?? response;
    if (seen.status >= FIRST_ERROR_STATUS) await hooks.onError?.({ request: asHook(sent), response: seen });
    return seen;
  };
  installed.add(middleware);
  return middleware;
}

/** The client's options with the hooks' middleware outermost, when any hook is set. */
export function withHooks<Options extends { readonly middleware?: readonly Middleware[] }>(
  options: Options,
  hooks: SdkHooks,
): Options {
  if (!hooks.beforeRequest && !hooks.afterResponse && !hooks.onError) return options;
  // withOptions() builds the derived client from the options this one was given: hooks included.
  if (options.middleware?.some((m) => installed.has(m))) return options;
  return { ...options, middleware: [hooksMiddleware(hooks), ...(options.middleware ?? [])] };
}
`;
}

/** The user's half, created once: every hook commented out, so a fresh SDK behaves exactly as without. */
export function emitHooksFile(): string {
  return `/**
 * Your hooks for this SDK. sdkgen created this file once and never overwrites it: edit it freely
 * (delete it to get this template back on the next generation). The hooks run around every
 * attempt, retries included; see SdkHooks in hook-middleware.ts for what each one receives.
 */
import type { SdkHooks } from './hook-middleware.js';

export const hooks: SdkHooks = {
  // beforeRequest(request) {
  //   request.headers['x-request-source'] = 'my-app';
  // },
  // afterResponse(response, request) {
  //   console.log(request.operationId, response.status);
  // },
  // onError({ request, response, error }) {
  //   console.error(\`\${request.operationId} failed:\`, response?.status ?? error);
  // },
};
`;
}
