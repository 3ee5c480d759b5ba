/**
 * The generated package's own tests (`npm test`: node:test, no dependency beyond undici, which the
 * SDK already has). One test per operation calls the method on the *built* client (dist/, plain
 * JS) through undici's MockAgent, which answers with the spec's response example, and checks what
 * went out (method, path, query, headers, JSON body) and what came back.
 *
 * The cases are data (test/cases.json), built from the same model and example values as the docs,
 * and the runner calls methods by name: the tests do not depend on how params types are printed,
 * so a change in type printing cannot break them, while `npm run build` (tsc --strict) still checks
 * the types. With `<PREFIX>_TEST_BASE_URL` set, the same calls go to that server instead and only
 * their success is checked (a live API's answers are not the spec's examples).
 */
import { isObject, setOwn } from '../lib/json-pointer.js';
import type { ApiModel, OperationModel } from '../model/index.js';
import type { LoadedSpec } from '../types.js';
import { INDENT, PRINT_WIDTH } from './code-writer.js';
import { GENERATED_HEADER, objectLiteralKey, stringLiteral } from './escape.js';
import { callDataOf, ExampleFinder } from './examples.js';
import { Expression, type LiteralValue } from './literal.js';
import { renderTemplate } from './templates.js';

export const TESTS_RUNNER_FILE = 'test/sdk.test.js';
export const TESTS_CASES_FILE = 'test/cases.json';
/** Origin of the mocked API when the spec has no absolute server URL. */
const MOCK_ORIGIN = 'https://api.sdk-test.invalid';
/** Response kinds a case can answer with; streams (ndjson, sse) get no generated test. */
const TESTABLE_KINDS: ReadonlySet<string> = new Set(['json', 'text', 'binary', 'empty']);

interface TestCase {
  readonly name: string;
  readonly call: readonly string[];
  readonly method: string;
  /** The path template; `{name}` segments are checked against `pathParams`. */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query parameters whose value is a primitive (or array of primitives): their expected strings. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, unknown>>;
  /** Params keys that must hold an upload (a Blob) when called; the JSON table cannot. */
  readonly uploads: readonly string[];
  readonly body?: { readonly mediaType: string; readonly json?: unknown };
  readonly response: {
    readonly status: number;
    readonly kind: string;
    readonly contentType?: string;
    readonly value?: unknown;
  };
  readonly paginated: boolean;
}

export interface TestsSummary {
  readonly generated: number;
  /** Operations without a test, and why (a streaming response). */
  readonly skipped: readonly string[];
}

export async function emitTestFiles(
  model: ApiModel,
  spec: LoadedSpec,
): Promise<{ files: Map<string, string>; summary: TestsSummary }> {
  const finder = new ExampleFinder(spec);
  const cases: TestCase[] = [];
  const skipped: string[] = [];
  for (const op of model.operations) {
    const testCase = caseFor(op, finder);
    if (testCase) cases.push(testCase);
    else skipped.push(`${op.id}: streaming response`);
  }
  const files = new Map<string, string>([
    // One case per line: a regeneration's diff shows which operations' tests changed.
    [TESTS_CASES_FILE, `[\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`],
    [TESTS_RUNNER_FILE, await runner(model)],
  ]);
  return { files, summary: { generated: cases.length, skipped } };
}

function caseFor(op: OperationModel, finder: ExampleFinder): TestCase | undefined {
  const response = finder.responseExample(op);
  if (response && !TESTABLE_KINDS.has(response.kind)) return undefined;
  // Usually attached already by emitPackage (the same values as the docs); computed here otherwise.
  const data = callDataOf(op) ?? finder.callData(op);
  const params: Record<string, unknown> = {};
  const uploads: string[] = [];
  const pathParams: Record<string, string> = {};
  const query: Record<string, string | string[]> = {};
  const headers: Record<string, string> = {};
  for (const param of data.params) {
    // A path placeholder takes the parameter's name, so `{base}...{head}` stays readable on the wire.
    const value = param.in === 'path' && !param.fromSpec && typeof param.value === 'string' ? param.name : param.value;
    setOwn(params, param.key, plain(value, param.name, uploads));
    const expected = expectedString(value);
    if (param.in === 'path' && typeof expected === 'string') setOwn(pathParams, param.name, expected);
    if (param.in === 'query' && expected !== undefined) setOwn(query, param.name, expected);
    if (param.in === 'header' && typeof expected === 'string') setOwn(headers, param.name.toLowerCase(), expected);
  }
  let body: TestCase['body'];
  if (data.body && op.body) {
    // callData() already left out flat example keys the schema does not declare (the SDK would not send them).
    const value = plain(data.body.value, 'body', uploads);
    if (data.body.placement === 'flat' && isObject(value)) {
      for (const [key, item] of Object.entries(value)) if (!Object.hasOwn(params, key)) setOwn(params, key, item);
    } else {
      setOwn(params, 'body', value);
    }
    const json = /\bjson\b/i.test(op.body.mediaType) && uploads.length === 0 ? { json: value } : {};
    body = { mediaType: op.body.mediaType, ...json };
  }
  const owner = op.resource !== undefined ? [op.resource] : [];
  return {
    name: `${[...owner, op.methodName].join('.')}: ${op.method} ${op.path}`,
    call: [...owner, op.methodName],
    method: op.method,
    path: op.path,
    pathParams,
    query,
    headers,
    params,
    uploads,
    ...(body && { body }),
    response: {
      status: response ? statusCode(response.status) : 204,
      kind: response?.kind ?? 'empty',
      ...(response?.mediaType !== undefined && { contentType: response.mediaType }),
      ...(response?.value !== undefined && {
        value:
          response.kind === 'text' && typeof response.value !== 'string'
            ? JSON.stringify(response.value)
            : response.value,
      }),
    },
    paginated: op.pagination !== undefined,
  };
}

/** `2XX` and `default` answer as 200. */
function statusCode(status: string): number {
  return /^\d{3}$/.test(status) ? Number(status) : 200;
}

/** JSON-only data for cases.json; an upload placeholder becomes a key the runner fills with a Blob. */
function plain(value: LiteralValue, key: string, uploads: string[]): unknown {
  if (value instanceof Expression) {
    uploads.push(key);
    return null;
  }
  return value;
}

/** What the server must see for a primitive (or a list of primitives); undefined when it depends on style. */
function expectedString(value: LiteralValue): string | string[] | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
  )
    return value.map(String);
  return undefined;
}

/**
 * The `auth:` line of the client's options (test credentials per scheme, so operations that need
 * auth are called as a real user would), at the indent of the template's broken-out object: on one
 * line when it fits, else one scheme per line, as prettier breaks an object literal.
 */
function credentials(model: ApiModel): string {
  const entries: string[] = [];
  for (const [name, scheme] of [...model.securitySchemes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const value =
      scheme.type === 'http' && scheme.scheme !== 'bearer'
        ? "{ username: 'test-user', password: 'test-password' }"
        : scheme.type === 'mutualTLS'
          ? undefined
          : "'test-credential'";
    if (value !== undefined) entries.push(`${objectLiteralKey(name)}: ${value}`);
  }
  if (entries.length === 0) return `${INDENT}auth: {},`;
  const line = `${INDENT}auth: { ${entries.join(', ')} },`;
  if (line.length <= PRINT_WIDTH) return line;
  return `${INDENT}auth: {\n${entries.map((e) => `${INDENT}${INDENT}${e},`).join('\n')}\n${INDENT}},`;
}

async function runner(model: ApiModel): Promise<string> {
  const server = model.servers.find((s) => /^https?:\/\//.test(s.url) && !s.url.includes('{'));
  const envName = `${model.envPrefix}_TEST_BASE_URL`;
  return renderTemplate('sdk.test.js.tmpl', {
    header: GENERATED_HEADER,
    clientName: model.clientName,
    envName,
    envLiteral: stringLiteral(envName),
    // A statement of its own in the template: prettier never breaks a string literal's line, so any URL fits.
    baseUrlLiteral: stringLiteral(server?.url ?? MOCK_ORIGIN),
    credentials: credentials(model),
  });
}
