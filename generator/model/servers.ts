/** Server Objects -> ServerDescriptor with an environment name each. */
import type { LoadedSpec } from '../types.js';
import type { ServerDescriptor } from '../../runtime/descriptor.js';
import { isObject, joinPointer, setOwn } from '../lib/json-pointer.js';
import { inputError } from './refs.js';
import { toCamelIdentifier } from './identifiers.js';
import { resolveNames } from './resolve-names.js';

/** Descriptions up to this many words read as a name (`production`, `EU staging`); longer ones are prose. */
const MAX_NAME_WORDS = 3;

function nameFromDescription(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const words = description.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
  if (!words.every((w) => /^[\p{L}\p{N}_-]+$/u.test(w))) return undefined;
  return toCamelIdentifier(words.join(' '));
}

/** The document's own `servers`: the API's environments. */
export function readServers(spec: LoadedSpec): ServerDescriptor[] {
  return readServerList(spec, spec.document.servers, '/servers');
}

/**
 * A `servers` array at any level (document, path item, operation). Path-item and operation
 * servers replace the document's for their operations (OpenAPI 3: "an alternative server array").
 */
export function readServerList(spec: LoadedSpec, raw: unknown, listPointer: string): ServerDescriptor[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw inputError(spec, listPointer, '`servers` must be an array');
  const entries = raw.map((server, index) => {
    const pointer = joinPointer(listPointer, index);
    if (!isObject(server) || typeof server.url !== 'string')
      throw inputError(spec, pointer, 'a server needs a string `url`');
    const variables: Record<string, { default: string; enum?: string[] }> = {};
    if (isObject(server.variables)) {
      for (const name of Object.keys(server.variables).sort()) {
        const v = server.variables[name];
        if (!isObject(v) || v.default === undefined) {
          throw inputError(spec, joinPointer(pointer, 'variables', name), 'a server variable needs a `default`');
        }
        setOwn(variables, name, {
          default: String(v.default),
          ...(Array.isArray(v.enum) ? { enum: v.enum.map((e) => String(e)) } : {}),
        });
      }
    }
    const explicit = typeof server['x-sdk-name'] === 'string' ? toCamelIdentifier(server['x-sdk-name']) : undefined;
    return { index, url: server.url, variables, explicit, described: nameFromDescription(server.description) };
  });
  // `server<N>` uses the document index: it names the server, not a position in some sorted list.
  const names = resolveNames(
    entries.map((e) => ({
      id: String(e.index),
      candidates: [
        ...(e.explicit ? [{ name: e.explicit, weight: 2 }] : []),
        ...(e.described ? [e.described] : []),
        `server${e.index}`,
      ],
    })),
  );
  return entries.map((e) => ({
    url: e.url,
    name: names.get(String(e.index))!,
    ...(Object.keys(e.variables).length > 0 ? { variables: e.variables } : {}),
  }));
}
