/**
 * Collision resolution that depends only on the *set* of names, never on declaration order.
 *
 * Each request lists candidate names, best first; the last one must be unique per request (use
 * `encodeIdentifier` of something unique). Resolution goes in rounds: in round i every request
 * still unnamed proposes its i-th candidate. A proposal wins when no other request proposes the
 * same name in that round (or it alone carries the highest weight, e.g. a schema whose name is
 * already the candidate) and the name is not taken. Losers try their next candidate in the next
 * round. Since every round treats all requests alike, shuffling the input cannot change the result
 * - unlike the numeric suffixes (`getUser2`) other generators hand out in document order.
 */

export interface NameCandidate {
  readonly name: string;
  /** Higher wins a tie in the same round; equal weights all lose. */
  readonly weight?: number;
  /** Which rule made it (for `--json` and the names measurements); no effect on resolution. */
  readonly label?: string;
}

export interface NameRequest {
  /** Unique key of what is being named (an operation pointer, a schema name ...). */
  readonly id: string;
  readonly candidates: readonly (string | NameCandidate)[];
}

export interface ResolveOptions {
  /** Names no request may take (reserved words, members of a base class ...). */
  readonly taken?: Iterable<string>;
  /** Comparison key, e.g. lowercase for file names on case-insensitive file systems. */
  readonly fold?: (name: string) => string;
}

function candidateAt(request: NameRequest, round: number): NameCandidate {
  const raw = request.candidates[Math.min(round, request.candidates.length - 1)]!;
  return typeof raw === 'string' ? { name: raw } : raw;
}

export function resolveNames(requests: readonly NameRequest[], options: ResolveOptions = {}): Map<string, string> {
  const fold = options.fold ?? ((name: string) => name);
  const taken = new Set<string>();
  for (const name of options.taken ?? []) taken.add(fold(name));
  const result = new Map<string, string>();
  let pending = [...requests];
  const rounds = Math.max(0, ...requests.map((r) => r.candidates.length));
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    const proposals = new Map<string, { request: NameRequest; candidate: NameCandidate }[]>();
    for (const request of pending) {
      const candidate = candidateAt(request, round);
      const key = fold(candidate.name);
      if (taken.has(key)) continue;
      const list = proposals.get(key);
      if (list) list.push({ request, candidate });
      else proposals.set(key, [{ request, candidate }]);
    }
    const granted = new Set<string>();
    for (const [key, list] of proposals) {
      const best = Math.max(...list.map((p) => p.candidate.weight ?? 0));
      const winners = list.filter((p) => (p.candidate.weight ?? 0) === best);
      if (winners.length !== 1) continue;
      const winner = winners[0]!;
      result.set(winner.request.id, winner.candidate.name);
      granted.add(winner.request.id);
      taken.add(key);
    }
    pending = pending.filter((r) => !granted.has(r.id));
  }
  // Last resort, only reachable when a unique last candidate equals a name taken earlier:
  // underscores appended in id order, which is still independent of the input order.
  for (const request of [...pending].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    let name = candidateAt(request, Number.MAX_SAFE_INTEGER).name;
    for (let guard = 0; taken.has(fold(name)) && guard < 1000; guard++) name = `${name}_`;
    taken.add(fold(name));
    result.set(request.id, name);
  }
  return result;
}
