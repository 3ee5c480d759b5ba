/**
 * Method names from HTTP semantics, relative to the resource's own path: what hand-written SDKs
 * call `list`, `get`, `create`, `update`, `delete`. Used when an operation has no operationId,
 * or when its operationId is only a CRUD verb plus the resource's own noun (`readItem` in
 * `items`, `CatsController_findAll` in `cats`).
 *
 *   collection  GET list   POST create   PUT update (replace when PATCH exists too)   PATCH update   DELETE delete
 *   item {id}   GET get    POST create   PUT update / replace                          PATCH update   DELETE delete
 *   a literal after the resource names a sub-resource (`/contents/{path}/checkpoints` GET ->
 *   listCheckpoints) or, for POST on a word that is not a plural noun, an action
 *   (`/kernels/{id}/restart` POST -> restart).
 */
import { lowerWords } from './words.js';
import { toMemberIdentifier } from './identifiers.js';

export type Segment = { readonly literal: string } | { readonly param: string };

export function pathSegments(path: string): Segment[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      const param = /^\{(.+)\}$/.exec(s);
      return param ? { param: param[1]! } : { literal: s };
    });
}

/** Plurals of acronyms that the `-us`/`-is` rule below would read as singular (`status`, `analysis`). */
const ACRONYM_PLURALS: ReadonlySet<string> = new Set(['apis', 'uris', 'kpis', 'cpus', 'gpus', 'skus', 'vpus']);

/** Plural nouns end in `s`, but `status`, `address`, `analysis` do not count; `apis`, `cpus` do. */
export function isPlural(word: string): boolean {
  if (ACRONYM_PLURALS.has(word.toLowerCase())) return true;
  return /[a-z]s$/i.test(word) && !/(ss|us|is)$/i.test(word);
}

/** `checkpoints` -> `checkpoint`, `categories` -> `category`, `boxes` -> `box`. */
export function singular(word: string): string {
  if (!isPlural(word)) return word;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|z)es$/i.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** `pets`, `pet`, `categories` -> `category`, `statuses` -> `status`: forms a name may use for a noun. */
export function nounForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  else forms.push(`${word}s`, `${word}es`);
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}

/** Literal segments every operation of the resource starts with, up to its first parameter. */
export function literalBase(paths: readonly string[]): string[] {
  const lists = paths.map(pathSegments);
  const base: string[] = [];
  for (let i = 0; ; i++) {
    const first = lists[0]?.[i];
    if (first === undefined || !('literal' in first)) return base;
    if (
      !lists.every((l) => {
        const s = l[i];
        return s !== undefined && 'literal' in s && s.literal === first.literal;
      })
    )
      return base;
    base.push(first.literal);
  }
}

export interface RestContext {
  /** The resource's literal base (see literalBase). */
  readonly base: readonly string[];
  /** The resource's own noun words (from its tag). */
  readonly noun: readonly string[];
  /** True when the same path also has a PATCH (then PUT means replace). */
  readonly pathHasPatch: boolean;
}

const COLLECTION_VERBS: Readonly<Record<string, string>> = {
  GET: 'list',
  POST: 'create',
  PATCH: 'update',
  DELETE: 'delete',
};
const ITEM_VERBS: Readonly<Record<string, string>> = { GET: 'get', POST: 'create', PATCH: 'update', DELETE: 'delete' };

function verbFor(method: string, table: Readonly<Record<string, string>>, pathHasPatch: boolean): string | undefined {
  if (method === 'PUT') return pathHasPatch ? 'replace' : 'update';
  return table[method];
}

/** The name by HTTP semantics, or undefined when the shape says nothing (HEAD, two literal runs ...). */
export function restName(method: string, path: string, context: RestContext): string | undefined {
  const segments = pathSegments(path);
  let rel = segments.slice(context.base.length);
  // The resource's own noun in the path marks its collection: `/repos/{owner}/{repo}/pulls/{n}`
  // in `pulls` is an item of it, whatever comes before.
  const nounForm = new Set(context.noun.length === 1 ? nounForms(context.noun[0]!) : [context.noun.join('')]);
  const isNoun = (s: Segment) => 'literal' in s && nounForm.has(s.literal.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const nounAt = rel.map(isNoun).lastIndexOf(true);
  if (nounAt >= 0) rel = rel.slice(nounAt + 1);
  const literals = rel.filter((s): s is { literal: string } => 'literal' in s).map((s) => s.literal);
  const endsWithParam = rel.length > 0 && 'param' in rel[rel.length - 1]!;
  if (literals.length === 0) {
    if (rel.length > 1) return undefined; // `/{owner}/{repo}`: which one is the item is unclear.
    const baseWord = context.base[context.base.length - 1];
    // A singular collection (`/status`, `/me`) is one thing: GET reads it.
    // (`codes_of_conduct` is a collection: any plural word makes one.)
    const singularBase = baseWord !== undefined && !lowerWords(baseWord).some(isPlural);
    const table = endsWithParam || (method === 'GET' && singularBase) ? ITEM_VERBS : COLLECTION_VERBS;
    return verbFor(method, table, context.pathHasPatch);
  }
  // Only one run of literals after the item, e.g. `{id}/checkpoints` or `{id}/checkpoints/{cid}`.
  const firstLiteral = rel.findIndex((s) => 'literal' in s);
  const run = rel.slice(firstLiteral);
  if (run.slice(0, literals.length).some((s) => 'param' in s) || run.length > literals.length + 1) return undefined;
  const words = literals.flatMap(lowerWords);
  // A literal without letters or digits (`/~`) has no words: '' keeps it out of the plural rules.
  const last = words[words.length - 1] ?? '';
  const noun = (w: string[]) => w.join(' ');
  if (endsWithParam) {
    const item = [...words.slice(0, -1), singular(last)];
    const verb = verbFor(method, ITEM_VERBS, context.pathHasPatch);
    // POST on a sub-resource's item is an action the path does not name (Jupyter: restore a checkpoint).
    return verb !== undefined ? toMemberIdentifier(`${method === 'POST' ? 'post' : verb} ${noun(item)}`) : undefined;
  }
  if (isPlural(last)) {
    if (method === 'POST') return toMemberIdentifier(`create ${noun([...words.slice(0, -1), singular(last)])}`);
    const verb = verbFor(method, COLLECTION_VERBS, context.pathHasPatch);
    return verb !== undefined ? toMemberIdentifier(`${verb} ${noun(words)}`) : undefined;
  }
  if (method === 'POST') return toMemberIdentifier(noun(words)); // an action: restart, interrupt, login
  const verb = verbFor(method, ITEM_VERBS, context.pathHasPatch);
  return verb !== undefined ? toMemberIdentifier(`${verb} ${noun(words)}`) : undefined;
}

/** `GET /api/contents/{path}` relative to `/api` -> `getContentsByPath`: method + path without the shared prefix. */
export function relativePathName(method: string, path: string, sharedPrefix: readonly string[]): string | undefined {
  const rel = pathSegments(path).slice(sharedPrefix.length);
  if (rel.length === 0) return undefined;
  const words = [method.toLowerCase(), ...rel.map((s) => ('param' in s ? `by ${s.param}` : s.literal))];
  return toMemberIdentifier(words.join(' '));
}
