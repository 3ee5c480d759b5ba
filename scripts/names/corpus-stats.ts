/**
 * Figures over a names dump (scripts/names/dump-model-names.ts): how many method names end with
 * an HTTP verb or repeat their path, name lengths, and which rule resolved each collision.
 *
 *   node --import tsx scripts/names/corpus-stats.ts dump.jsonl [--compare other.jsonl]
 */
import { readFileSync } from 'node:fs';
import { lowerWords } from '../../generator/model/words.js';

const HTTP_VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']);
/** Rules that are an operation's own first choice: anything else means a collision moved it. */
const FIRST_CHOICE_RULES: ReadonlySet<string> = new Set(['override', 'preferred', 'preferred-path', 'http-semantics']);

interface Row {
  doc: string;
  operationId?: string;
  method?: string;
  path?: string;
  methodName?: string;
  rule?: string;
  error?: string;
}

/** `readItemsItemsGet`: more than one word and the last is an HTTP method. */
export function endsWithHttpVerb(name: string): boolean {
  const words = lowerWords(name);
  return words.length > 1 && HTTP_VERBS.has(words[words.length - 1]!);
}

/** `getApiContentsByPath`: every word of the path's literal segments, in order (at least two). */
export function repeatsPath(name: string, path: string): boolean {
  const pathWords = path
    .split('/')
    .filter((s) => s !== '' && !s.startsWith('{'))
    .flatMap(lowerWords);
  if (pathWords.length < 2) return false;
  const words = lowerWords(name);
  let at = 0;
  for (const w of words) if (w === pathWords[at]) at++;
  return at === pathWords.length;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function stats(rows: readonly Row[]) {
  const ops = rows.filter((r) => r.methodName !== undefined);
  const verbEnding = ops.filter((r) => endsWithHttpVerb(r.methodName!)).length;
  const pathRepeat = ops.filter((r) => repeatsPath(r.methodName!, r.path!)).length;
  const either = ops.filter((r) => endsWithHttpVerb(r.methodName!) || repeatsPath(r.methodName!, r.path!)).length;
  const lengths = ops.map((r) => r.methodName!.length).sort((a, b) => a - b);
  const rules = new Map<string, number>();
  for (const r of ops) if (r.rule !== undefined) rules.set(r.rule, (rules.get(r.rule) ?? 0) + 1);
  const moved = ops.filter((r) => r.rule !== undefined && !FIRST_CHOICE_RULES.has(r.rule));
  const movedBy = new Map<string, number>();
  for (const r of moved) movedBy.set(r.rule!, (movedBy.get(r.rule!) ?? 0) + 1);
  return {
    documents: new Set(rows.map((r) => r.doc)).size,
    refused: rows.filter((r) => r.error !== undefined).length,
    methods: ops.length,
    endsWithHttpVerb: verbEnding,
    repeatsPath: pathRepeat,
    eitherShare: `${((100 * either) / ops.length).toFixed(2)}%`,
    either,
    medianLength: percentile(lengths, 50),
    p95Length: percentile(lengths, 95),
    rules: Object.fromEntries([...rules].sort((a, b) => b[1] - a[1])),
    collisionsResolved: moved.length,
    collisionsResolvedBy: Object.fromEntries([...movedBy].sort((a, b) => b[1] - a[1])),
  };
}

function read(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: corpus-stats.ts dump.jsonl');
  process.stdout.write(`${JSON.stringify(stats(read(file)), null, 2)}\n`);
}
