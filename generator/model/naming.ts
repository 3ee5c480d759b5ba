/**
 * Every name in the SDK, decided for all operations at once so no name depends on declaration
 * order. The rules, best candidate first; a candidate is taken only when no other thing wants it
 * in the same round, or it alone carries the highest weight (see resolve-names.ts). docs/names.md
 * has each rule with a real example.
 *
 * - resource property: the tag in camelCase (springfox's `user-controller` -> `user`); then the
 *   tag with only its illegal characters replaced; then an injective encoding of the tag. Only
 *   the runtime Client's real public members are taken (`client.auth`, `client.session` work).
 * - method (method-names.ts): an override (x-sdk-name / config) wins outright; else the cleaned
 *   operationId (operation-id.ts: FastAPI, NestJS, springfox, namespaces) with a CRUD verb plus the
 *   resource's own noun named by HTTP semantics (rest-names.ts); without an operationId, HTTP
 *   semantics relative to the resource's path. An operation at home in its resource outweighs a
 *   newcomer from another namespace, so names stay put across releases. Then the cleaned id, the
 *   id with its namespace, the whole id, method + path, and an injective encoding of `METHOD path`.
 *   Root methods share the client class with the resource properties, so they are resolved together.
 * - operation key (descriptor table): camelCase of the operationId, then method + path, then the
 *   injective encoding.
 * - exported types (models, resource classes, params types): PascalCase, then the verbatim name,
 *   then a `Model`/`Resource`/`RequestParams` suffix, then the injective encoding; never a name of
 *   the runtime, a global (File, Blob, Error ...) or the files' own imports. Params types come
 *   from the cleaned operationId (`ReadItemParams`), else resource + method.
 */
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
import { resolveNames, type NameCandidate } from './resolve-names.js';
import {
  methodCandidates,
  methodPathName,
  paramsTypeBase,
  RESIDENT_WEIGHT,
  type GroupContext,
} from './method-names.js';
import { literalBase } from './rest-names.js';
import { lowerWords } from './words.js';
import { resourceTag } from './operation-id.js';
import { CLIENT_MEMBER_NAMES, RESOURCE_MEMBER_NAMES, reservedTypeNames } from './reserved-names.js';

/** A name that is already exactly its own candidate (`User`) beats one derived by re-casing (`user`). */
const NATURAL_WEIGHT = 1;

/** The context of every resource (tag): its noun, its path base, the document's shared prefix. */
function groupContexts(ops: readonly RawOperation[], groups: readonly string[]): Map<string | undefined, GroupContext> {
  const sharedPrefix = literalBase(ops.map((op) => op.path));
  const patchPaths = new Set(ops.filter((op) => op.method === 'PATCH').map((op) => op.path));
  const contexts = new Map<string | undefined, GroupContext>();
  contexts.set(undefined, { sharedPrefix, patchPaths, base: sharedPrefix, noun: [] });
  for (const g of groups) {
    const paths = ops.filter((op) => op.group === g).map((op) => op.path);
    contexts.set(g, { group: g, sharedPrefix, patchPaths, base: literalBase(paths), noun: lowerWords(resourceTag(g)) });
  }
  return contexts;
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
  /** By operation pointer: the rule whose candidate the method name is (method-names.ts labels). */
  readonly methodNameRules: ReadonlyMap<string, string>;
}

/** The label of the candidate that won (the first one with the final name); `suffixed` for the last resort. */
function ruleOf(candidates: readonly (string | NameCandidate)[], name: string): string {
  for (const c of candidates) {
    if (typeof c !== 'string' && c.name === name) return c.label ?? 'unlabelled';
  }
  return 'suffixed';
}

function checkOverrides(ops: readonly RawOperation[]): void {
  const seen = new Map<string, RawOperation>();
  for (const op of ops) {
    if (op.nameOverride === undefined) continue;
    const key = `${op.group ?? ''}\u0000${toMemberIdentifier(op.nameOverride)}`;
    const other = seen.get(key);
    if (other) {
      throw new InputError(
        `operations ${JSON.stringify(other.id)} and ${JSON.stringify(op.id)} are both named ${JSON.stringify(op.nameOverride)}`,
        {
          pointer: op.pointer,
          hint: 'give one of them another x-sdk-name or config `names` entry',
        },
      );
    }
    seen.set(key, op);
  }
}

/**
 * `ReadItemParams` (FastAPI's `read_item_items__item_id__get`), `PullsCreateParams`; without an
 * operationId the resource and method (`ContentsListCheckpointsParams`). springfox's `_1`
 * duplicates yield, as for methods.
 */
function paramsTypeCandidates(op: RawOperation, key: string, methodName: string): NameCandidate[] {
  const fromId = paramsTypeBase(op);
  const fallback = toPascalIdentifier(key);
  const inResource = `${toPascalIdentifier(`${op.group !== undefined ? resourceTag(op.group) : ''} ${methodName}`)}Params`;
  const first =
    fromId !== undefined
      ? { name: `${toPascalIdentifier(fromId.base)}Params`, weight: fromId.duplicate ? 0 : RESIDENT_WEIGHT }
      : { name: inResource };
  return [
    first,
    { name: inResource },
    { name: `${fallback}Params` },
    { name: `${fallback}RequestParams` },
    { name: `${encodeIdentifier(op.pointer)}Params` },
  ];
}

export function assignNames(ops: readonly RawOperation[], schemaNames: readonly string[], clientName: string): Names {
  checkOverrides(ops);
  const groups = [...new Set(ops.flatMap((op) => (op.group !== undefined ? [op.group] : [])))];
  const { clientLevel, methodNames, methodNameRules } = assignMethodNames(ops, groups);
  const operationKeys = assignOperationKeys(ops);

  // Exported type names: models first (users know them from the spec), then the generated ones.
  const reserved = reservedTypeNames(clientName);
  const modelNames = assignModelNames(schemaNames, reserved);
  const typeTaken = [...reserved, ...modelNames.values()];
  const generatedTypes = assignGeneratedTypeNames(ops, groups, operationKeys, methodNames, typeTaken);
  const fileNames = assignFileNames(groups, clientLevel);

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
  return { resources, methodNames, operationKeys, paramsTypeNames, modelNames, methodNameRules };
}

/**
 * Resource properties and root methods share the client's namespace; each resource's methods
 * have their own. Returns the client-level names (`group:<tag>`, `op:<pointer>`) too.
 */
function assignMethodNames(
  ops: readonly RawOperation[],
  groups: readonly string[],
): { clientLevel: Map<string, string>; methodNames: Map<string, string>; methodNameRules: Map<string, string> } {
  const rootOps = ops.filter((op) => op.group === undefined);
  const contexts = groupContexts(ops, groups);

  const clientLevel = resolveNames(
    [
      ...groups.map((g) => ({
        id: `group:${g}`,
        candidates: [
          { name: toMemberIdentifier(resourceTag(g), 'resource'), weight: NATURAL_WEIGHT },
          toMemberIdentifier(g, 'resource'),
          toVerbatimIdentifier(g, 'resource'),
          `${encodeIdentifier(g)}Resource`,
        ],
      })),
      ...rootOps.map((op) => ({ id: `op:${op.pointer}`, candidates: methodCandidates(op, contexts.get(undefined)!) })),
    ],
    { taken: [...CLIENT_MEMBER_NAMES, ...OBJECT_PROTOTYPE_NAMES] },
  );
  const methodNames = new Map<string, string>();
  const methodNameRules = new Map<string, string>();
  for (const op of rootOps) {
    const name = clientLevel.get(`op:${op.pointer}`)!;
    methodNames.set(op.pointer, name);
    methodNameRules.set(op.pointer, ruleOf(methodCandidates(op, contexts.get(undefined)!), name));
  }
  for (const g of groups) {
    const requests = ops
      .filter((op) => op.group === g)
      .map((op) => ({ id: op.pointer, candidates: methodCandidates(op, contexts.get(g)!) }));
    const names = resolveNames(requests, { taken: [...RESOURCE_MEMBER_NAMES, ...OBJECT_PROTOTYPE_NAMES] });
    for (const request of requests) {
      const name = names.get(request.id)!;
      methodNames.set(request.id, name);
      methodNameRules.set(request.id, ruleOf(request.candidates, name));
    }
  }
  return { clientLevel, methodNames, methodNameRules };
}

/** `operations.ts` keys: the operationId, else `method + path`. */
function assignOperationKeys(ops: readonly RawOperation[]): Map<string, string> {
  return resolveNames(
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
}

function assignModelNames(schemaNames: readonly string[], reserved: Iterable<string>): Map<string, string> {
  return resolveNames(
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
}

/** Resource class names and params type names, after the model names. */
function assignGeneratedTypeNames(
  ops: readonly RawOperation[],
  groups: readonly string[],
  operationKeys: ReadonlyMap<string, string>,
  methodNames: ReadonlyMap<string, string>,
  typeTaken: readonly string[],
): Map<string, string> {
  return resolveNames(
    [
      ...groups.map((g) => {
        const pascal = toPascalIdentifier(resourceTag(g), 'Resource');
        return { id: `group:${g}`, candidates: [pascal, `${pascal}Resource`, `${encodeIdentifier(g)}Resource`] };
      }),
      ...ops.map((op) => ({
        id: `op:${op.pointer}`,
        candidates: paramsTypeCandidates(op, operationKeys.get(op.pointer)!, methodNames.get(op.pointer)!),
      })),
    ],
    { taken: typeTaken },
  );
}

/** Resource file stems, unique ignoring case (case-insensitive file systems). */
function assignFileNames(groups: readonly string[], clientLevel: ReadonlyMap<string, string>): Map<string, string> {
  return resolveNames(
    groups.map((g) => {
      const stem = toFileStem(clientLevel.get(`group:${g}`)!);
      return {
        id: g,
        candidates: [stem, `${stem}-${encodeIdentifier(g).toLowerCase()}`, `${stem}-${Buffer.from(g).toString('hex')}`],
      };
    }),
    { fold: (n) => n.toLowerCase(), taken: ['index'] },
  );
}
