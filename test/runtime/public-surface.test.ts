/**
 * The generated package root exports an explicit list of runtime names
 * (generator/emit/index-file.ts); every other runtime export is a deliberate internal, listed
 * here, so a new runtime export needs a decision (docs/runtime.md "Public surface").
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { PUBLIC_RUNTIME_TYPES, PUBLIC_RUNTIME_VALUES } from '../../generator/emit/index-file.js';

const INDEX = resolve(dirname(fileURLToPath(import.meta.url)), '../../runtime/index.ts');

/** Runtime exports generated code (or the runtime's own tests) use, which users do not import from the package root. */
const INTERNAL: readonly string[] = [
  // the base class and the descriptors generated code is built from
  'Client',
  'ApiDescriptor',
  'OperationDescriptor',
  'ParameterDescriptor',
  'ParameterLocation',
  'ParameterStyle',
  'RequestBodyDescriptor',
  'ResponseDescriptor',
  'ResponseKind',
  'PaginationDescriptor',
  'SecurityRequirement',
  'SecuritySchemeDescriptor',
  'ServerDescriptor',
  'RetryPolicyOverride',
  'TimeoutOverride',
  'HttpMethod',
  'ResponseChecker',
  'ResponseSchemas',
  'SchemaIssue',
  // parsers and tuning constants: implementation, free to change in any release
  'parseNdjson',
  'parseSse',
  'reconnectingEventStream',
  'NdjsonOptions',
  'SseOptions',
  'OpenEventStream',
  'ReconnectOptions',
  'DEFAULT_SSE_MAX_RECONNECTS',
  'DEFAULT_SSE_RETRY_MS',
  'DEFAULT_DOWNLOAD_ATTEMPTS',
  'TOKEN_EXPIRY_MARGIN_MS',
  'TOKEN_REQUEST_TIMEOUT_MS',
  'DEFAULT_CONNECTIONS_PER_ORIGIN',
  'DEFAULT_CONNECT_TIMEOUT_MS',
  'DEFAULT_MAX_QUEUE',
  'DEFAULT_MAX_REDIRECTS',
  'DEFAULT_MAX_RESPONSE_BYTES',
  'DEFAULT_MAX_RETRIES',
  'DEFAULT_MAX_RETRY_AFTER_MS',
  'DEFAULT_READ_TIMEOUT_MS',
  'DEFAULT_TOTAL_TIMEOUT_MS',
];

function runtimeExports(): Map<string, 'value' | 'type'> {
  const program = ts.createProgram([INDEX], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noLib: true,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  const out = new Map<string, 'value' | 'type'>();
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    out.set(exported.name, target.flags & ts.SymbolFlags.Value ? 'value' : 'type');
  }
  return out;
}

describe('public surface', () => {
  const exported = runtimeExports();

  it('every public name is a runtime export of the right kind', () => {
    const wrong = [
      ...PUBLIC_RUNTIME_VALUES.filter((name) => exported.get(name) !== 'value').map(
        (name) => `${name}: not a value export`,
      ),
      ...PUBLIC_RUNTIME_TYPES.filter((name) => exported.get(name) === undefined).map((name) => `${name}: not exported`),
    ];
    assert.deepEqual(wrong, []);
  });

  it('every runtime export is either public or a listed internal', () => {
    const decided = new Set([...PUBLIC_RUNTIME_VALUES, ...PUBLIC_RUNTIME_TYPES, ...INTERNAL]);
    assert.deepEqual([...exported.keys()].filter((name) => !decided.has(name)).sort(), []);
  });

  it('lists no name twice', () => {
    const all = [...PUBLIC_RUNTIME_VALUES, ...PUBLIC_RUNTIME_TYPES];
    assert.equal(new Set(all).size, all.length);
  });
});
