/**
 * Every operation's method as users call it, for review in CI (`sdkgen generate --json`) and for
 * the generated README: `pulls/create` -> `pulls.create`. Keyed by operationId, or `METHOD path`
 * for operations without one; sorted by key so diffs between generations read line by line.
 */
import type { ApiModel } from './ir.js';

export interface MethodListing {
  /** operationId, or `GET /api/contents/{path}` without one. */
  readonly key: string;
  /** `pulls.create`; a root method alone (`health`). */
  readonly call: string;
  readonly method: string;
  readonly path: string;
}

export function methodListing(model: ApiModel): MethodListing[] {
  return model.operations
    .map((op) => ({
      key: op.hasOperationId ? op.id : `${op.method} ${op.path}`,
      call: op.resource !== undefined ? `${op.resource}.${op.methodName}` : op.methodName,
      method: op.method,
      path: op.path,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
