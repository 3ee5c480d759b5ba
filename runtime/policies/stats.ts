/**
 * `client.stats()`: per operation, calls, errors by class, retries and latency percentiles.
 *
 * Latencies go into a fixed ring per operation (the most recent LATENCY_SAMPLES calls), so
 * memory stays bounded however long the client lives and recording costs a store and two
 * increments; percentiles are computed only when stats() is called.
 */

/** Recent calls per operation kept for percentiles: enough for a stable p99, bounded memory (8 KB per op). */
const LATENCY_SAMPLES = 1024;

export interface OperationStats {
  readonly calls: number;
  /** Failed calls by error class name (`ServiceUnavailableError`, `ReadTimeoutError` ...). */
  readonly errors: Readonly<Record<string, number>>;
  /** Retries (attempts beyond the first) across all calls. */
  readonly retries: number;
  /** Over the most recent calls (up to 1024), in ms. */
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  /**
   * 2xx bodies that did not match the spec's schema (`validate` 'warn' or 'strict'; in 'warn',
   * bodies whose only mismatch is an unknown enum value are not counted): how often the API drifts.
   */
  readonly schemaMismatches: number;
}

class OperationRecord {
  calls = 0;
  retries = 0;
  schemaMismatches = 0;
  readonly errors: Record<string, number> = {};
  readonly samples = new Float64Array(LATENCY_SAMPLES);
  next = 0;
}

export class CallStats {
  readonly #operations = new Map<string, OperationRecord>();

  record(operationId: string, latencyMs: number, attempts: number, errorName: string | undefined): void {
    const op = this.#record(operationId);
    op.samples[op.next++ % LATENCY_SAMPLES] = latencyMs;
    op.calls++;
    if (attempts > 1) op.retries += attempts - 1;
    if (errorName !== undefined) op.errors[errorName] = (op.errors[errorName] ?? 0) + 1;
  }

  /** A body that did not match its schema (counted when it is decoded, after the call itself was recorded). */
  recordSchemaMismatch(operationId: string): void {
    this.#record(operationId).schemaMismatches++;
  }

  #record(operationId: string): OperationRecord {
    let op = this.#operations.get(operationId);
    if (op === undefined) {
      op = new OperationRecord();
      this.#operations.set(operationId, op);
    }
    return op;
  }

  snapshot(): Record<string, OperationStats> {
    const out: Record<string, OperationStats> = {};
    for (const [id, op] of this.#operations) {
      const count = Math.min(op.next, LATENCY_SAMPLES);
      const sorted = op.samples.slice(0, count).sort();
      out[id] = {
        calls: op.calls,
        errors: { ...op.errors },
        retries: op.retries,
        schemaMismatches: op.schemaMismatches,
        latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) },
      };
    }
    return out;
  }
}

/** Nearest-rank percentile of sorted samples (0 when there are none). */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[rank]! * 100) / 100;
}
