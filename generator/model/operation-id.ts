/**
 * What an operationId says once the framework that wrote it is recognised. Web frameworks derive
 * operationIds mechanically, and the mechanics (the path, the HTTP method, the class name) are
 * noise in a method name. Each rule fires only on its framework's exact shape, so a hand-written
 * id is never mistaken for one (docs/names.md has a real example of each):
 *
 * - FastAPI   `{function}{path with \W as _}_{method}`: `read_item_items__item_id__get` -> `read_item`
 * - NestJS    `{Name}Controller_{method}`:              `CatsController_findAll` -> `findAll` (namespace `Cats`)
 * - springfox `{method}Using{VERB}` and `_N` suffixes:  `getUserUsingGET_1` -> `getUser` (a duplicate)
 * - namespaced `ns/name` (GitHub), `Group_Verb` (Azure), `a.b.name` (Python modules): namespace + name
 * - path-derived: only the path's words and the HTTP method (`api_transport-discord_id_patch`,
 *   `putOrganisationsIdAvatar`) or drf-yasg's `{path}_{action}` (`dcim_console-server-ports_read`):
 *   nothing the path does not say, so it is named like an operation without an operationId
 * - a trailing HTTP method word that is the operation's own (`taxRuleRepositoryV1SavePost` on POST) goes
 */
import { identifierPieces, lowerWords } from './words.js';

export type OperationIdStyle = 'fastapi' | 'nestjs' | 'springfox' | 'namespaced' | 'path-derived' | 'plain';

export interface CleanOperationId {
  readonly style: OperationIdStyle;
  /** The id's own grouping: `pulls` of `pulls/create`, `Activities` of `Activities_List`, `Cats` of `CatsController_findAll`. */
  readonly namespace?: string;
  /** The operation's own name: `create`, `read_item`, `findAll`, `getUser`. */
  readonly name: string;
  /** springfox's `_1`, `_2` ...: the framework renamed this one because another had its name. */
  readonly duplicate: boolean;
}

/** springfox appends the HTTP verb in capitals, then `_N` when a name repeats. */
const SPRINGFOX = /^(.+?)Using(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?:_(\d+))?$/;
/** @nestjs/swagger's default operationIdFactory: `${controllerKey}_${methodKey}`. */
const NESTJS = /^([A-Za-z][A-Za-z0-9]*)Controller_([A-Za-z][A-Za-z0-9_]*)$/;
/** Azure's `{OperationGroup}_{Verb}` (and AWS-style `GET_Action`): one underscore, a capital after it. */
const GROUP_UNDERSCORE_VERB = /^([A-Za-z][A-Za-z0-9]*)_([A-Z][A-Za-z0-9]*)$/;
/** Python module paths (connexion): `app.api.endpoints.items.read_item`. */
const DOTTED_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function fastapiName(id: string, method: string, path: string): string | undefined {
  // fastapi.utils.generate_unique_id: re.sub(r"\W", "_", f"{route.name}{route.path_format}") + f"_{method}".
  const suffix = `${path.replace(/[^A-Za-z0-9_]/g, '_')}_${method.toLowerCase()}`;
  if (!id.endsWith(suffix) || id.length === suffix.length) return undefined;
  const name = id.slice(0, id.length - suffix.length).replace(/^_+|_+$/g, '');
  return name === '' ? undefined : name;
}

function namespaced(id: string): { namespace: string; name: string } | undefined {
  const slash = id.split('/').filter(Boolean);
  if (slash.length >= 2) return { namespace: slash.slice(0, -1).join('/'), name: slash[slash.length - 1]! };
  const group = GROUP_UNDERSCORE_VERB.exec(id);
  if (group) return { namespace: group[1]!, name: group[2]! };
  const dotted = id.split('.');
  if (dotted.length >= 2 && dotted.every((s) => DOTTED_SEGMENT.test(s)))
    return { namespace: dotted.slice(0, -1).join('.'), name: dotted[dotted.length - 1]! };
  return undefined;
}

/** drf-yasg's actions (Django REST framework viewsets): `{path words}_{action}`. */
const DRF_ACTIONS: readonly (readonly string[])[] = [
  ['list'],
  ['create'],
  ['read'],
  ['update'],
  ['partial', 'update'],
  ['delete'],
];

const words = lowerWords;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** Is the id only the path's words plus the method (either end) or a drf-yasg action? */
function isPathDerived(id: string, method: string, path: string): boolean {
  // `repos/get` on GET /repos/{owner}/{repo} is GitHub's chosen name, not a mechanical one.
  if (id.includes('/') || id.includes('.')) return false;
  const idWords = words(id);
  const segments = path.split('/').filter(Boolean);
  const literal = segments.filter((s) => !s.startsWith('{')).flatMap(words);
  const all = segments.flatMap((s) => words(s.replace(/[{}]/g, '')));
  if (literal.length === 0) return false;
  const verb = method.toLowerCase();
  for (const pathWords of [literal, all]) {
    if (same(idWords, [verb, ...pathWords]) || same(idWords, [...pathWords, verb])) return true;
    if (DRF_ACTIONS.some((action) => same(idWords, [...pathWords, ...action]))) return true;
  }
  return false;
}

/** `taxRuleRepositoryV1SavePost` on POST -> `taxRuleRepositoryV1Save`: the method word adds nothing. */
function withoutMethodSuffix(name: string, method: string): string {
  const parts = identifierPieces(name);
  if (parts.length < 3 || parts[parts.length - 1]!.toLowerCase() !== method.toLowerCase()) return name;
  return parts.slice(0, -1).join(' ');
}

export function cleanOperationId(id: string, method: string, path: string): CleanOperationId {
  const clean = classify(id, method, path);
  return clean.style === 'path-derived' ? clean : { ...clean, name: withoutMethodSuffix(clean.name, method) };
}

function classify(id: string, method: string, path: string): CleanOperationId {
  if (isPathDerived(id, method, path)) return { style: 'path-derived', name: id, duplicate: false };
  const fastapi = fastapiName(id, method, path);
  if (fastapi !== undefined) return { style: 'fastapi', name: fastapi, duplicate: false };
  const nest = NESTJS.exec(id);
  if (nest) return { style: 'nestjs', namespace: nest[1]!, name: nest[2]!, duplicate: false };
  const springfox = SPRINGFOX.exec(id);
  if (springfox && springfox[2] === method.toUpperCase()) {
    return { style: 'springfox', name: springfox[1]!, duplicate: springfox[3] !== undefined };
  }
  const spaced = namespaced(id);
  if (spaced) return { style: 'namespaced', ...spaced, duplicate: false };
  return { style: 'plain', name: id, duplicate: false };
}

/** springfox names a controller's tag after its class, kebab-cased: `user-controller`. */
const SPRINGFOX_TAG = /^([a-z0-9]+(?:-[a-z0-9]+)*)-controller$/;

/** The resource a tag names: `user-controller` (springfox's default tag) -> `user`; others as is. */
export function resourceTag(tag: string): string {
  return SPRINGFOX_TAG.exec(tag)?.[1] ?? tag;
}
