/**
 * The candidate method names of one operation, best first, with the weights that decide who keeps
 * a contested name (see resolve-names.ts). docs/names.md explains each rule with a real example.
 *
 * Stability: the first candidate of an operation whose operationId belongs to its resource (no
 * namespace, or the namespace is the resource's tag: `pulls/create` in `pulls`) outweighs that of
 * an operation filed there from elsewhere (`pull-request-stacks/create` in `pulls`), so a newcomer
 * from another namespace yields instead of renaming the resident. Everything depends only on the
 * spec and the config, never on a previous generation (docs/names.md: why not the manifest).
 */
import type { RawOperation } from './operation.js';
import type { NameCandidate } from './resolve-names.js';
import { cleanOperationId, type CleanOperationId } from './operation-id.js';
import { encodeIdentifier, toCamelIdentifier, toMemberIdentifier } from './identifiers.js';
import { nounForms, pathSegments, relativePathName, restName, type RestContext } from './rest-names.js';
import { lowerWords } from './words.js';

/** An explicit name (x-sdk-name, config `names`) beats every derived one. */
export const OVERRIDE_WEIGHT = 8;
/** The first candidate of an operation at home in its resource (see above). */
export const RESIDENT_WEIGHT = 2;
/** springfox's `getUserUsingGET_1`: the framework already ranked it after `getUserUsingGET`. */
export const DUPLICATE_WEIGHT = 1;

/** CRUD verbs people write, by the HTTP method whose meaning they carry. */
const VERB_CLASSES: Readonly<Record<string, readonly string[]>> = {
  GET: ['get', 'read', 'fetch', 'retrieve', 'find', 'show', 'list', 'view', 'describe', 'query'],
  POST: ['create', 'add', 'new', 'post', 'insert', 'make'],
  PUT: ['update', 'put', 'replace', 'set', 'save', 'edit', 'modify', 'upsert'],
  PATCH: ['update', 'patch', 'edit', 'modify', 'change', 'set'],
  DELETE: ['delete', 'remove', 'destroy', 'del', 'drop', 'erase'],
};
/** The names HTTP semantics gives (rest-names.ts). */
const CANONICAL_VERBS: ReadonlySet<string> = new Set(['list', 'get', 'create', 'update', 'replace', 'delete']);
/** Words between a verb and a noun that add nothing: `findAll`, `findOne`, `getAllPets`. */
const FILLER_WORDS: ReadonlySet<string> = new Set(['all', 'one', 'single', 'many', 'the', 'a', 'an']);

export interface GroupContext extends Omit<RestContext, 'pathHasPatch'> {
  readonly group?: string;
  /** Literal prefix every path of the document shares (`/api`, `/v1`): no meaning in a name. */
  readonly sharedPrefix: readonly string[];
  /** Paths that have a PATCH operation. */
  readonly patchPaths: ReadonlySet<string>;
}

/** Is `words` the resource's noun (or its last words, in any number), optionally `by` path params? */
function onlyOwnNoun(
  words: readonly string[],
  noun: readonly string[],
  pathParams: readonly string[],
  dropFillers: boolean,
): boolean {
  let rest = dropFillers ? words.filter((w) => !FILLER_WORDS.has(w)) : [...words];
  const by = rest.indexOf('by');
  // `getPetById` is the plain read; a bare `getById` / `getByUsername` names one of several lookups.
  if (by === 0) return false;
  if (by > 0) {
    const params = new Set([...pathParams, 'id']);
    if (!rest.slice(by + 1).every((w) => params.has(w))) return false;
    rest = rest.slice(0, by);
  }
  if (rest.length === 0) return true;
  if (rest.length > noun.length) return false;
  const tail = noun.slice(noun.length - rest.length);
  return rest.every((w, i) => (i === rest.length - 1 ? nounForms(tail[i]!).includes(w) : w === tail[i]));
}

function isResident(clean: CleanOperationId, noun: readonly string[]): boolean {
  if (clean.namespace === undefined) return true;
  const ns = lowerWords(clean.namespace)
    .filter((w) => w !== 'controller')
    .join('');
  return nounForms(noun.join('')).includes(ns);
}

/** The preferred name of an operation that has an operationId, in its resource. */
function preferredName(op: RawOperation, clean: CleanOperationId, context: GroupContext): string {
  let words = lowerWords(clean.name);
  const noun = context.noun;
  if (context.group === undefined || noun.length === 0 || words.length === 0) return toMemberIdentifier(clean.name);
  // An id that only repeats its tag says nothing: HTTP semantics instead.
  const rest = () => restName(op.method, op.path, { ...context, pathHasPatch: context.patchPaths.has(op.path) });
  if (words.join(' ') === noun.join(' ')) return rest() ?? toMemberIdentifier(clean.name);
  // `petsList` in `pets` -> `list` (the tag as a prefix of a plain id).
  if (clean.style === 'plain' && words.length > noun.length && noun.every((w, i) => words[i] === w))
    words = words.slice(noun.length);
  const verb = words[0]!;
  // A bare canonical verb is already what HTTP semantics would say, and the spec author chose it
  // (GitHub's `orgs/list` on GET /organizations stays `list`).
  if (words.length === 1 && CANONICAL_VERBS.has(verb)) return verb;
  const pathParams = pathSegments(op.path).flatMap((s) => ('param' in s ? lowerWords(s.param) : []));
  // A verb plus the resource's own noun: `cancelOrder` in `order` -> `cancel`; a CRUD verb that
  // agrees with the HTTP method takes the HTTP semantics (`readItem` on GET /items/{id} -> `get`).
  const matchesMethod = VERB_CLASSES[op.method]?.includes(verb) ?? false;
  // Fillers go only with a CRUD verb (`findAll` -> list); `feedAllPets` keeps its `all`.
  if (onlyOwnNoun(words.slice(1), noun, pathParams, matchesMethod)) {
    // The id said "this resource": a path naming something else (`getPeople`) does not overrule it.
    const semantic = matchesMethod ? rest() : undefined;
    return semantic !== undefined && CANONICAL_VERBS.has(semantic) ? semantic : toMemberIdentifier(verb);
  }
  return toMemberIdentifier(words.join(' '));
}

/** `GET /pets/{petId}` -> `getPetsByPetId`; `GET /` -> `getRoot`. */
export function methodPathName(method: string, path: string): string {
  return relativePathName(method, path, []) ?? toCamelIdentifier(`${method.toLowerCase()} root`);
}

export function methodCandidates(op: RawOperation, context: GroupContext): NameCandidate[] {
  const inGroup = context.group !== undefined;
  const override =
    op.nameOverride !== undefined
      ? [{ name: toMemberIdentifier(op.nameOverride), weight: OVERRIDE_WEIGHT, label: 'override' }]
      : [];
  const byPath = methodPathName(op.method, op.path);
  const relative = relativePathName(op.method, op.path, context.sharedPrefix) ?? byPath;
  const last = { name: encodeIdentifier(`${op.method} ${op.path}`), label: 'encoded' };
  const clean = op.hasOperationId ? cleanOperationId(op.id, op.method, op.path) : undefined;
  if (clean === undefined || clean.style === 'path-derived') {
    const rest = inGroup
      ? restName(op.method, op.path, { ...context, pathHasPatch: context.patchPaths.has(op.path) })
      : undefined;
    return [
      ...override,
      {
        name: rest ?? relative,
        weight: inGroup ? RESIDENT_WEIGHT : 0,
        label: rest !== undefined ? 'http-semantics' : 'preferred-path',
      },
      { name: relative, label: 'path' },
      { name: byPath, label: 'full-path' },
      last,
    ];
  }
  const weight =
    !inGroup || !isResident(clean, context.noun) ? 0 : clean.duplicate ? DUPLICATE_WEIGHT : RESIDENT_WEIGHT;
  const own = toMemberIdentifier(clean.name);
  const withNamespace = clean.namespace !== undefined ? toMemberIdentifier(`${clean.namespace} ${clean.name}`) : own;
  return [
    ...override,
    { name: preferredName(op, clean, context), weight, label: 'preferred' },
    { name: own, label: 'operationId' },
    { name: withNamespace, label: 'operationId-with-namespace' },
    { name: toMemberIdentifier(op.id), label: 'full-operationId' },
    { name: byPath, label: 'full-path' },
    last,
  ];
}

/** The base of an operation's exported params type: the cleaned operationId (`read_item` -> `ReadItem`). */
export function paramsTypeBase(op: RawOperation): { base: string; duplicate: boolean } | undefined {
  if (!op.hasOperationId) return undefined;
  const clean = cleanOperationId(op.id, op.method, op.path);
  if (clean.style === 'path-derived') return undefined;
  const base =
    clean.style === 'fastapi' || clean.style === 'springfox'
      ? clean.name
      : clean.style === 'nestjs'
        ? `${clean.namespace} ${clean.name}`
        : op.id;
  return { base, duplicate: clean.duplicate };
}
