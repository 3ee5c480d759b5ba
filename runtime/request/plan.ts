/**
 * Everything about an operation's request shape that does not depend on the call's values,
 * computed once per descriptor and cached (descriptors are long-lived module constants of the
 * generated SDK, so a WeakMap keyed by them never grows past the API's size).
 */
import type { OperationDescriptor, ParameterDescriptor } from '../descriptor.js';
import { planBody, type BodyPlan } from './body.js';

export interface OperationPlan {
  /** The path template split into literal text and the parameters between them. */
  readonly pathParts: ReadonlyArray<string | ParameterDescriptor>;
  readonly query: readonly ParameterDescriptor[];
  readonly headers: readonly ParameterDescriptor[];
  readonly cookies: readonly ParameterDescriptor[];
  readonly body: BodyPlan | undefined;
}

const TEMPLATE_EXPRESSION = /\{([^{}]+)\}/g;

const plans = new WeakMap<OperationDescriptor, OperationPlan>();

export function planFor(op: OperationDescriptor): OperationPlan {
  let plan = plans.get(op);
  if (plan === undefined) {
    plan = buildPlan(op);
    plans.set(op, plan);
  }
  return plan;
}

function buildPlan(op: OperationDescriptor): OperationPlan {
  const byName = new Map<string, ParameterDescriptor>();
  for (const param of op.params) if (param.in === 'path') byName.set(param.name, param);
  const pathParts: Array<string | ParameterDescriptor> = [];
  let last = 0;
  for (const match of op.path.matchAll(TEMPLATE_EXPRESSION)) {
    const index = match.index ?? 0;
    if (index > last) pathParts.push(op.path.slice(last, index));
    // A template variable the descriptor does not declare is still a required simple path
    // parameter (the spec requires every templated name to be declared; be lenient anyway).
    pathParts.push(
      byName.get(match[1]) ?? { name: match[1], in: 'path', style: 'simple', explode: false, required: true },
    );
    last = index + match[0].length;
  }
  if (last < op.path.length) pathParts.push(op.path.slice(last));
  return {
    pathParts,
    query: op.params.filter((p) => p.in === 'query'),
    headers: op.params.filter((p) => p.in === 'header'),
    cookies: op.params.filter((p) => p.in === 'cookie'),
    body: op.body === undefined ? undefined : planBody(op.body),
  };
}
