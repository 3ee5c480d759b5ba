/**
 * OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): documents listed in the config's
 * `overlays:`, applied in order to the loaded spec before anything reads it, so a publisher can
 * rename, describe or prune a third-party spec without forking it.
 *
 * Targets are RFC 9535 JSONPath, evaluated by jsonpath-rfc9535 (no dependencies, passes the whole
 * JSONPath compliance suite, by a Spectral maintainer). jsonpath-plus was the other candidate: it
 * is its own dialect (not RFC 9535, which Overlay 1.0 requires) and evaluates filter scripts.
 *
 * Every mistake in an overlay is an InputError located in the overlay file (file:line:col and the
 * action's pointer), including a target that selects nothing: after an upstream change that is
 * almost always a stale overlay, and silently doing nothing would ship the unfixed names.
 */
import { readFile } from 'node:fs/promises';
import { exec } from 'jsonpath-rfc9535';
import { displayPath } from './display-path.js';
import { parseSource, type ParsedSource } from './parse.js';
import { isObject } from '../lib/json-pointer.js';
import { InputError, type LoadedSpec } from '../types.js';

/** Overlay versions this implementation follows (1.0.x: patch releases only clarify the text). */
const SUPPORTED_OVERLAY = /^1\.0\.\d+$/;

type Json = unknown;
type Segment = string | number;

interface Action {
  readonly target: string;
  readonly update?: Json;
  readonly remove: boolean;
  readonly pointer: string;
}

/** Applies each overlay in order to `spec.document` (in place: the loaded document is this run's own). */
export async function applyOverlays(spec: LoadedSpec, overlayPaths: readonly string[]): Promise<LoadedSpec> {
  for (const path of overlayPaths) {
    const source = await readOverlay(path);
    for (const action of readActions(source)) applyAction(spec.document, action, source);
  }
  return spec;
}

async function readOverlay(path: string): Promise<ParsedSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`overlay not found: ${displayPath(path)}`, {
      hint: 'overlays: paths are relative to the config file',
    });
  }
  return parseSource(text, path);
}

function located(source: ParsedSource, pointer: string, message: string, hint: string): InputError {
  const location = source.locate(pointer);
  return new InputError(`${message} (overlay ${displayPath(source.id)})`, {
    ...(location && { location }),
    pointer,
    hint,
  });
}

function readActions(source: ParsedSource): Action[] {
  const root = source.value;
  if (!isObject(root) || typeof root.overlay !== 'string') {
    throw located(
      source,
      '',
      'not an OpenAPI Overlay document: no `overlay:` version',
      'start the file with overlay: 1.0.0, info: and actions:',
    );
  }
  if (!SUPPORTED_OVERLAY.test(root.overlay)) {
    throw located(
      source,
      '/overlay',
      `overlay: ${root.overlay} is not supported`,
      'sdkgen applies Overlay 1.0.x documents: write overlay: 1.0.0',
    );
  }
  if (!Array.isArray(root.actions) || root.actions.length === 0) {
    throw located(
      source,
      root.actions === undefined ? '/overlay' : '/actions',
      'an overlay needs a non-empty `actions:` list',
      'add actions with a target and an update or remove: true',
    );
  }
  return root.actions.map((raw, index): Action => {
    const pointer = `/actions/${index}`;
    if (!isObject(raw) || typeof raw.target !== 'string' || raw.target === '') {
      throw located(
        source,
        pointer,
        `action ${index} has no target`,
        'give each action a JSONPath target, e.g. target: $.paths["/pets"].get',
      );
    }
    const remove = raw.remove === true;
    if (remove === (raw.update !== undefined)) {
      throw located(
        source,
        pointer,
        `action ${index} needs exactly one of update and remove: true`,
        'an action either merges an update into its targets or removes them',
      );
    }
    return { target: raw.target, ...(raw.update !== undefined && { update: raw.update }), remove, pointer };
  });
}

function select(document: Json, action: Action, source: ParsedSource): Segment[][] {
  const found: Segment[][] = [];
  try {
    exec(document as never, action.target, (_value, path) => found.push([...path]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw located(
      source,
      `${action.pointer}/target`,
      `invalid JSONPath target: ${reason}`,
      'targets are RFC 9535 JSONPath, e.g. $.paths["/pets"].get or $.paths.*[?@.operationId == "listPets"]',
    );
  }
  if (found.length === 0) {
    throw located(
      source,
      `${action.pointer}/target`,
      `target ${action.target} selects nothing in the spec`,
      'the spec changed or the path is misspelled: fix the target or remove the action',
    );
  }
  return found;
}

function applyAction(document: Json, action: Action, source: ParsedSource): void {
  const targets = select(document, action, source);
  if (action.remove) {
    // Deepest and last first, so removing one array element never shifts another target's index.
    for (const path of [...targets].sort(comparePathsForRemoval)) removeAt(document, path, action, source);
    return;
  }
  for (const path of targets) {
    const node = valueAt(document, path);
    if (Array.isArray(node)) node.push(structuredClone(action.update));
    else if (isObject(node) && isObject(action.update)) mergeInto(node, action.update);
    else {
      throw located(
        source,
        `${action.pointer}/update`,
        `target ${action.target} selects a ${node === null ? 'null' : typeof node}; update needs an object or an array there`,
        'point the target at the object that holds the value, and update that key',
      );
    }
  }
}

/** Overlay's merge: objects recursively, arrays concatenated, anything else replaced. */
function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const key of Object.keys(update)) {
    const incoming = update[key];
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(current) && isObject(incoming)) mergeInto(current, incoming);
    else if (Array.isArray(current) && Array.isArray(incoming)) current.push(...structuredClone(incoming));
    else
      Object.defineProperty(target, key, {
        value: structuredClone(incoming),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
}

function valueAt(document: Json, path: readonly Segment[]): Json {
  let node = document;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment];
  return node;
}

function removeAt(document: Json, path: readonly Segment[], action: Action, source: ParsedSource): void {
  if (path.length === 0)
    throw located(
      source,
      `${action.pointer}/target`,
      'an overlay cannot remove the whole document',
      'target the part of the spec to remove',
    );
  const parent = valueAt(document, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObject(parent) && typeof last === 'string') delete parent[last];
}

function comparePathsForRemoval(a: readonly Segment[], b: readonly Segment[]): number {
  if (a.length !== b.length) return b.length - a.length;
  const [x, y] = [a[a.length - 1], b[b.length - 1]];
  return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
}
