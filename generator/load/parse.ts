/**
 * Text -> data, with positions. JSON goes through JSON.parse (several times faster than a YAML
 * parser on big documents) and positions are computed only when an error asks for one; YAML goes
 * through the `yaml` package, whose Document keeps every node's offset.
 */
import { extname } from 'node:path';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { InputError, type SourceLocation } from '../types.js';
import { locateInYaml, offsetToLocation, type LocateTarget } from './positions.js';

/**
 * Budget for YAML alias expansion (the `yaml` package weighs each use by the aliases inside the
 * anchor). Real specs reuse a simple anchor hundreds of times (10,000 allows that), while a
 * "billion laughs" document blows past it on its first deep alias, in milliseconds.
 */
export const MAX_YAML_ALIAS_COUNT = 10_000;

/** One parsed input file (or fetched URL). */
export interface ParsedSource {
  /** Absolute file path or URL. */
  readonly id: string;
  readonly value: unknown;
  /** Position of the node at a JSON pointer inside this file, computed on demand. */
  locate(pointer: string, target?: LocateTarget): SourceLocation | undefined;
}

type Format = 'json' | 'yaml';

function detectFormat(id: string, text: string): Format {
  const extension = extname(id.split(/[?#]/)[0] ?? id).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  // No telling extension (a URL, `openapi.txt`): JSON documents start with `{`; YAML rarely does.
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

export function parseSource(rawText: string, id: string): ParsedSource {
  // A byte-order mark is legal at the start of both formats but JSON.parse rejects it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const format = detectFormat(id, text);
  return format === 'json' ? parseJson(text, id) : parseYaml(text, id);
}

function parseJson(text: string, id: string): ParsedSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "... in JSON at position 123"; without a position the input ended early.
    const match = /at position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : text.length;
    throw new InputError(`invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
      location: offsetToLocation(text, offset, id),
      hint: 'fix the JSON syntax at that position (a trailing comma or a missing quote is the usual cause)',
    });
  }
  // The yaml parser reads JSON too; we only pay for it when an error needs a position.
  let document: Document | undefined;
  let lineCounter: LineCounter | undefined;
  return {
    id,
    value,
    locate(pointer, target) {
      if (!document || !lineCounter) {
        lineCounter = new LineCounter();
        document = parseDocument(text, { lineCounter, uniqueKeys: false });
      }
      return locateInYaml(document, lineCounter, pointer, id, target);
    },
  };
}

/** Hints for the YAML mistakes people actually make, keyed by the `yaml` package's error codes. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " must be quoted, e.g. summary: "List: all pets"',
  DUPLICATE_KEY: 'remove or rename one of the duplicate keys',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  BAD_INDENT: 'check the indentation of this line against its parent',
  MISSING_CHAR: 'close the quote or bracket that was opened before this point',
};

function parseYaml(text: string, id: string): ParsedSource {
  const lineCounter = new LineCounter();
  // merge: real specs use `<<: *defaults`; without it `<<` would become a literal key.
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  const firstError = document.errors[0];
  if (firstError) {
    const position = firstError.linePos?.[0];
    const headline = (firstError.message.split('\n')[0] ?? firstError.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    throw new InputError(`invalid YAML: ${headline}`, {
      location: position ? { file: id, line: position.line, col: position.col } : undefined,
      hint: YAML_HINTS[firstError.code] ?? 'fix the YAML syntax at that position',
    });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputError('YAML aliases expand too much: refusing to build the document', {
        location: firstAliasLocation(document, lineCounter, id),
        hint: 'this looks like an alias bomb ("billion laughs"); write the repeated content out, or use $ref',
      });
    }
    throw error;
  }
  return {
    id,
    value,
    locate: (pointer, target) => locateInYaml(document, lineCounter, pointer, id, target),
  };
}

function firstAliasLocation(document: Document, lineCounter: LineCounter, id: string): SourceLocation | undefined {
  // The conversion error does not say which alias tripped the limit; the first alias is where to look.
  let found: SourceLocation | undefined;
  visit(document, {
    Alias(_key, node) {
      if (!node.range) return undefined;
      const { line, col } = lineCounter.linePos(node.range[0]);
      found = { file: id, line, col };
      return visit.BREAK;
    },
  });
  return found;
}
