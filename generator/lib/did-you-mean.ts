/**
 * "did you mean ...?" matching, shared by the config, CLI and `$ref` error hints.
 * Part of generator/lib/: imports nothing of the generator.
 */

/** The first candidate equal to `word` ignoring case, else the first `isNear(candidate, word)`. */
export function closestName(
  word: string,
  candidates: readonly string[],
  isNear: (candidate: string, word: string) => boolean,
): string | undefined {
  const lower = word.toLowerCase();
  return candidates.find((c) => c.toLowerCase() === lower) ?? candidates.find((c) => isNear(c, word));
}

/** Whether the Levenshtein distance between `a` and `b` is at most `max` (insertions, deletions, substitutions). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]! <= max;
}

/**
 * Transpositions and one-letter slips (`clinet`, `ouput`), ignoring case: same length +-1 and
 * all but one letter shared.
 */
export function sameLetters(candidate: string, word: string): boolean {
  const a = candidate.toLowerCase();
  const b = word.toLowerCase();
  if (Math.abs(a.length - b.length) > 1) return false;
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const left = counts.get(ch) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(ch, left - 1);
    }
  }
  return shared >= Math.max(a.length, b.length) - 1;
}
