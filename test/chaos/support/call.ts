/**
 * One timed call for the chaos tests: settles to { data } or { error } and how long it took.
 */
import { randomUUID } from 'node:crypto';
import type { Client, RequestOptions } from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';

export interface Settled {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly ms: number;
}

export async function timedCall(
  client: Client,
  op: OperationDescriptor,
  fault: string,
  run: string,
  options?: RequestOptions,
): Promise<Settled> {
  const params = op.method === 'GET' ? { fault, run } : { fault, run, name: `effect-${run}-${randomUUID()}` };
  const started = performance.now();
  try {
    const data = await client.request(op, params, options);
    return { data, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

/** Unique per test, so hit counts never mix. */
export function newRun(label: string): string {
  return `${label.replace(/[^a-z0-9]+/gi, '_')}-${randomUUID().slice(0, 8)}`;
}
