/**
 * Every name in the SDK, decided for all operations at once so no name depends on declaration
 * order. The rules, best candidate first; a candidate is taken only when no other thing wants it
 * in the same round (see resolve-names.ts):
 *
 * - resource property: explicit group name as camelCase of the tag; then the tag with only its
 *   illegal characters replaced; then an injective encoding of the tag.
 * - method: an override (x-sdk-name / config) wins outright; else camelCase of the operationId's
 *   last `/`-segment without the resource's own words (`listPets` in `pets` -> `list`); then that
 *   segment as is (`issues/list-for-repo` -> `listForRepo`); then camelCase of the whole
 *   operationId; then method + path (`getPetsByPetId`); then an injective encoding of
 *   `METHOD path`. Root methods share the client class with the resource properties and the
 *   runtime Client's own members, so they are resolved together.
 * - operation key (descriptor table, params type): camelCase of the operationId, then method +
 *   path, then the injective encoding.
 * - exported types (models, resource classes, params types): PascalCase, then the verbatim name,
 *   then a `Model`/`Resource`/`RequestParams` suffix, then the injective encoding; never a name of
 *   the runtime, a global (File, Blob, Error ...) or the files' own imports.
 */
import { split } from 'change-case';
import { InputError } from '../types.js';
import type { RawOperation } from './operation.js';
import {
  encodeIdentifier,
  OBJECT_PROTOTYPE_NAMES,
  toCamelIdentifier,
  toFileStem,
  toMemberIdentifier,
  toPascalIdentifier,
  toVerbatimIdentifier,
} from './identifiers.js';
import { resolveNames, type NameRequest } from './resolve-names.js';
import { CLIENT_MEMBER_NAMES, RESOURCE_MEMBER_NAMES, reservedTypeNames } from './reserved-names.js';

/** An explicit name beats derived ones in the same round. */
const OVERRIDE_WEIGHT = 2;
/** A name that is already exactly its own candidate (`User`) beats one derived by re-casing (`user`). */
const NATURAL_WEIGHT = 1;

/** `GET /pets/{petId}` -> `getPetsByPetId`; `GET /` -> `getRoot`. */
export function methodPathName(method: string, path: string): string {
  const words: string[] = [method.toLowerCase()];
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^\{(.+)\}$/.exec(segment);
    words.push(param ? `by ${param[1]}` : segment);
  }
  if (words.length === 1) words.push('root');
  return toCamelIdentifier(words.join(' '));
}

function lastSegment(operationId: string): string {
  const parts = operationId.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? operationId;
}

/** `pets`, `pet`, `categories` -> `category`, `statuses` -> `status`: forms a method name may use. */
function nounForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  else forms.push(`${word}s`);
  return forms;
}

/**
 * `listPets` in resource `pets` -> `list` (so the call reads `client.pets.list()`, as in
 * hand-written SDKs); undefined unless the name is one verb followed by the resource's words.
 */
export function withoutResourceWords(name: string, group: string | undefined): string | undefined {
  if (group === undefined) return undefined;
  const words = split(name).map((w) => w.toLowerCase());
  const resource = split(group).map((w) => w.toLowerCase());
  // Only a lone verb is left alone (`list`, `get`): `listFeedingEvents` -> `listFeeding` reads worse.
  if (resource.length === 0 || words.length !== resource.length + 1) return undefined;
  const tail = words.slice(words.length - resource.length);
  const last = resource.length - 1;
  const matches = tail.every((w, i) => (i === last ? nounForms(resource[i]!).includes(w) : w === resource[i]));
  return matches ? toMemberIdentifier(words.slice(0, words.length - resource.length).join(' ')) : undefined;
}

function methodCandidates(op: RawOperation): NameRequest['candidates'] {
  const short = op.hasOperationId ? toMemberIdentifier(lastSegment(op.id)) : undefined;
  const stripped = short !== undefined ? withoutResourceWords(short, op.group) : undefined;
  const derived = short !== undefined
    ? [...(stripped !== undefined ? [stripped] : []), short, toMemberIdentifier(op.id), methodPathName(op.method, op.path)]
    : [methodPathName(op.method, op.path)];
  return [
    ...(op.nameOverride !== undefined ? [{ name: toMemberIdentifier(op.nameOverride), weight: OVERRIDE_WEIGHT }] : []),
    ...derived,
    encodeIdentifier(`${op.method} ${op.path}`),
  ];
}

export interface ResourceNames {
  readonly group: string;
  readonly propertyName: string;
  readonly className: string;
  readonly fileName: string;
}

export interface Names {
  readonly resources: ReadonlyMap<string, ResourceNames>;
  /** By operation pointer. */
  readonly methodNames: ReadonlyMap<string, string>;
  readonly operationKeys: ReadonlyMap<string, string>;
  readonly paramsTypeNames: ReadonlyMap<string, string>;
  /** components.schemas key -> alias. */
  readonly modelNames: ReadonlyMap<string, string>;
}

function checkOverrides(ops: readonly RawOperation[]): void {
  const seen = new Map<string, RawOperation>();
  for (const op of ops) {
    if (op.nameOverride === undefined) continue;
    const key = `${op.group ?? ''}\u0000${toMemberIdentifier(op.nameOverride)}`;
    const other = seen.get(key);
    if (other) {
      throw new InputError(`operations ${JSON.stringify(other.id)} and ${JSON.stringify(op.id)} are both named ${JSON.stringify(op.nameOverride)}`, {
        pointer: op.pointer,
        hint: 'give one of them another x-sdk-name or config `names` entry',
      });
    }
    seen.set(key, op);
  }
}

export function assignNames(ops: readonly RawOperation[], schemaNames: readonly string[], clientName: string): Names {
  checkOverrides(ops);
  const groups = [...new Set(ops.flatMap((op) => (op.group !== undefined ? [op.group] : [])))];
  const rootOps = ops.filter((op) => op.group === undefined);

  // Client-level namespace: resource properties and root methods together.
  const clientLevel = resolveNames(
    [
      ...groups.map((g) => ({
        id: `group:${g}`,
        candidates: [{ name: toMemberIdentifier(g, 'resource'), weight: NATURAL_WEIGHT }, toVerbatimIdentifier(g, 'resource'), `${encodeIdentifier(g)}Resource`],
      })),
      ...rootOps.map((op) => ({ id: `op:${op.pointer}`, candidates: methodCandidates(op) })),
    ],
    { taken: [...CLIENT_MEMBER_NAMES, ...OBJECT_PROTOTYPE_NAMES] },
  );
  const methodNames = new Map<string, string>();
  for (const op of rootOps) methodNames.set(op.pointer, clientLevel.get(`op:${op.pointer}`)!);
  for (const g of groups) {
    const members = ops.filter((op) => op.group === g);
    const names = resolveNames(
      members.map((op) => ({ id: op.pointer, candidates: methodCandidates(op) })),
      { taken: [...RESOURCE_MEMBER_NAMES, ...OBJECT_PROTOTYPE_NAMES] },
    );
    for (const [pointer, name] of names) methodNames.set(pointer, name);
  }

  const operationKeys = resolveNames(
    ops.map((op) => ({
      id: op.pointer,
      candidates: [
        ...(op.hasOperationId ? [toCamelIdentifier(op.id)] : []),
        methodPathName(op.method, op.path),
        encodeIdentifier(`${op.method} ${op.path}`),
      ],
    })),
    { taken: OBJECT_PROTOTYPE_NAMES },
  );

  // Exported type names: models first (users know them from the spec), then the generated ones.
  const reserved = reservedTypeNames(clientName);
  const modelNames = resolveNames(
    schemaNames.map((s) => {
      const pascal = toPascalIdentifier(s, 'Schema');
      return {
        id: s,
        candidates: [
          { name: pascal, weight: pascal === s ? NATURAL_WEIGHT : 0 },
          toVerbatimIdentifier(s, 'Schema'),
          `${pascal}Model`,
          `${encodeIdentifier(s)}Model`,
        ],
      };
    }),
    { taken: reserved },
  );
  const typeTaken = [...reserved, ...modelNames.values()];
  const generatedTypes = resolveNames(
    [
      ...groups.map((g) => {
        const pascal = toPascalIdentifier(g, 'Resource');
        return { id: `group:${g}`, candidates: [pascal, `${pascal}Resource`, `${encodeIdentifier(g)}Resource`] };
      }),
      ...ops.map((op) => {
        const base = toPascalIdentifier(operationKeys.get(op.pointer)!);
        return { id: `op:${op.pointer}`, candidates: [`${base}Params`, `${base}RequestParams`, `${encodeIdentifier(op.pointer)}Params`] };
      }),
    ],
    { taken: typeTaken },
  );
  const fileNames = resolveNames(
    groups.map((g) => {
      const stem = toFileStem(clientLevel.get(`group:${g}`)!);
      return { id: g, candidates: [stem, `${stem}-${encodeIdentifier(g).toLowerCase()}`, `${stem}-${Buffer.from(g).toString('hex')}`] };
    }),
    { fold: (n) => n.toLowerCase(), taken: ['index'] },
  );

  const resources = new Map<string, ResourceNames>();
  for (const g of groups) {
    resources.set(g, {
      group: g,
      propertyName: clientLevel.get(`group:${g}`)!,
      className: generatedTypes.get(`group:${g}`)!,
      fileName: fileNames.get(g)!,
    });
  }
  const paramsTypeNames = new Map<string, string>();
  for (const op of ops) paramsTypeNames.set(op.pointer, generatedTypes.get(`op:${op.pointer}`)!);
  return { resources, methodNames, operationKeys, paramsTypeNames, modelNames };
}
