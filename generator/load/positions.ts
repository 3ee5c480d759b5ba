/**
 * JSON pointer -> line:col inside a parsed YAML (or JSON) document.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from '../types.js';
import { parsePointer } from '../lib/json-pointer.js';

/** 1-based line and column of a character offset, counting LF (CRLF ends with LF too). */
export function offsetToLocation(text: string, offset: number, file: string): SourceLocation {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { file, line, col: clamped - lineStart + 1 };
}

/**
 * Where the node at `pointer` starts: a scalar at its value, a mapping or list entry at its key.
 */
export function locateInYaml(
  document: Document,
  lineCounter: LineCounter,
  pointer: string,
  file: string,
  /** 'key': the key of the last map entry even for a scalar value (an unknown key is the key's fault). */
  target: LocateTarget = 'node',
): SourceLocation | undefined {
  const segments = parsePointer(pointer);
  let node: unknown = document.contents;
  let offset: number | undefined = rangeStart(node);
  for (const [index, segment] of segments.entries()) {
    const wantKey = target === 'key' && index === segments.length - 1;
    node = resolveAlias(document, node);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return undefined;
      // A scalar value is the token to fix (`4.0.0`, the `$ref` string); a block value's own
      // range starts on the next line, so its key is the better place.
      offset =
        (isScalar(pair.value) && !wantKey ? rangeStart(pair.value) : undefined) ??
        rangeStart(pair.key) ??
        rangeStart(pair.value);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || item === undefined) return undefined;
      offset = rangeStart(item);
      node = item;
    } else {
      return undefined;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, col };
}

export type LocateTarget = 'node' | 'key';

function resolveAlias(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
