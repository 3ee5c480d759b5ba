/**
 * `include:` / `exclude:` in the config: keep only some operations of a large spec (by tag, path
 * glob or operationId). Applied to the loaded document after overlays and before the model, so
 * everything downstream (names, types, README, tests, the diff surface) sees the smaller API.
 * An operation is kept when it matches `include` (or there is none) and does not match `exclude`.
 * A filter that keeps nothing, or names an operationId or tag the spec lacks, is a located error.
 */
import picomatch from 'picomatch';
import { PATH_ITEM_METHODS } from './check-operations.js';
import { isObject } from '../lib/json-pointer.js';
import { InputError, type LoadedSpec, type OperationFilter, type SourceLocation } from '../types.js';

export interface FilterSettings {
  readonly include?: OperationFilter;
  readonly exclude?: OperationFilter;
  /** Position of a pointer in the config file, for errors. */
  locate(pointer: string): SourceLocation | undefined;
}

interface OperationFacts {
  readonly path: string;
  readonly operationId?: string;
  readonly tags: readonly string[];
}

type Matcher = (op: OperationFacts) => boolean;

export function filterOperations(spec: LoadedSpec, settings: FilterSettings): LoadedSpec {
  if (!settings.include && !settings.exclude) return spec;
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  const all = listOperations(paths);
  checkNames(all, settings, 'include');
  checkNames(all, settings, 'exclude');
  const include = settings.include ? matcher(settings.include) : () => true;
  const exclude = settings.exclude ? matcher(settings.exclude) : () => false;
  let kept = 0;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of PATH_ITEM_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const facts = factsOf(path, operation);
      if (include(facts) && !exclude(facts)) kept += 1;
      else delete item[method];
    }
    if (!PATH_ITEM_METHODS.some((method) => isObject(item[method]))) delete paths[path];
  }
  if (kept === 0 && all.length > 0) {
    const pointer = settings.include ? '/include' : '/exclude';
    throw new InputError(`include/exclude leave none of the spec's ${all.length} operations`, {
      ...locatedAt(settings, pointer),
      pointer,
      hint: 'check the tags, path globs and operationIds against the spec',
    });
  }
  return spec;
}

function matcher(filter: OperationFilter): Matcher {
  const tags = new Set(filter.tags ?? []);
  const ids = new Set(filter.operations ?? []);
  const globs = (filter.paths ?? []).map((glob) => picomatch(glob, { dot: true }));
  return (op) =>
    op.tags.some((tag) => tags.has(tag)) ||
    (op.operationId !== undefined && ids.has(op.operationId)) ||
    globs.some((matches) => matches(op.path));
}

function listOperations(paths: Record<string, unknown>): OperationFacts[] {
  const found: OperationFacts[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of PATH_ITEM_METHODS) if (isObject(item[method])) found.push(factsOf(path, item[method]));
  }
  return found;
}

function factsOf(path: string, operation: Record<string, unknown>): OperationFacts {
  const tags = Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string') : [];
  return { path, tags, ...(typeof operation.operationId === 'string' && { operationId: operation.operationId }) };
}

/** A tag or operationId the spec lacks is a typo or a stale filter: say which, where. */
function checkNames(all: readonly OperationFacts[], settings: FilterSettings, key: 'include' | 'exclude'): void {
  const filter = settings[key];
  if (!filter) return;
  const ids = new Set(all.flatMap((op) => (op.operationId !== undefined ? [op.operationId] : [])));
  const tags = new Set(all.flatMap((op) => op.tags));
  const checks: [readonly string[] | undefined, Set<string>, string, string][] = [
    [filter.operations, ids, 'operations', 'operationId'],
    [filter.tags, tags, 'tags', 'tag'],
  ];
  for (const [list, known, field, noun] of checks) {
    for (const [index, name] of (list ?? []).entries()) {
      if (known.has(name)) continue;
      const pointer = `/${key}/${field}/${index}`;
      throw new InputError(`${key}.${field} names ${noun} "${name}", which the spec does not have`, {
        ...locatedAt(settings, pointer),
        pointer,
        hint: `use a ${noun} from the spec, or remove it from ${key}.${field}`,
      });
    }
  }
}

function locatedAt(settings: FilterSettings, pointer: string): { location?: SourceLocation } {
  const location = settings.locate(pointer);
  return location ? { location } : {};
}
