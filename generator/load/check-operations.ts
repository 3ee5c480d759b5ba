/**
 * operationIds name methods and descriptor entries: two operations with one id would silently
 * overwrite each other downstream, so the duplicate is refused here with both places named.
 */
import { InputError, type SourceLocation } from '../types.js';
import { displayPath } from './display-path.js';
import { joinPointer, isObject } from '../lib/json-pointer.js';

/** HTTP methods a path item may hold (OpenAPI 3.0/3.1). */
export const PATH_ITEM_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function checkDuplicateOperationIds(
  document: Record<string, unknown>,
  locate: (pointer: string) => SourceLocation | undefined,
): void {
  const seen = new Map<string, { pointer: string; label: string }>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of PATH_ITEM_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const pointer = joinPointer(joinPointer(joinPointer('/paths', path), method), 'operationId');
      const label = `${method.toUpperCase()} ${path}`;
      const first = seen.get(operation.operationId);
      if (!first) {
        seen.set(operation.operationId, { pointer, label });
        continue;
      }
      const firstLocation = locate(first.pointer);
      const firstAt = firstLocation
        ? `${displayPath(firstLocation.file)}:${firstLocation.line}:${firstLocation.col}`
        : first.pointer;
      throw new InputError(
        `duplicate operationId "${operation.operationId}": used by ${first.label} (at ${firstAt}) and by ${label}`,
        {
          location: locate(pointer),
          pointer,
          hint: 'operationIds must be unique; rename one of them (they become method names)',
        },
      );
    }
  }
}
