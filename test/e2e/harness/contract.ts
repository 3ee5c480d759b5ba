/**
 * The contract check behind the Prism suites: generate an SDK for a spec, start `prism mock` on
 * the same spec, and call every operation through the generated methods with arguments built from
 * the spec's examples (harness/examples.ts). Prism validates each request against the spec and
 * lists what is wrong in `sl-violations`; a middleware on the client collects that header from
 * every attempt, so violations are counted whether the call then succeeded or raised.
 */
import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import { start as startPrism, violationsOf, type PrismServer, type PrismViolation } from './prism.js';
import { generateSdk, describeMethod, closeClient, type GeneratedSdk, type ModelOperation } from './sdk.js';
import { SpecReader } from './examples.js';

export interface OperationOutcome {
  readonly route: string;
  readonly method: string;
  readonly status?: number;
  /** What the SDK put on the wire for the last attempt. */
  readonly sent?: { readonly method: string; readonly url: string };
  /** Violations of the request (location starts with 'request'): the SDK's doing. */
  readonly violations: readonly PrismViolation[];
  /** Violations Prism found in its own mock response (a spec/Prism matter, not the SDK's). */
  readonly responseViolations: readonly PrismViolation[];
  /** Prism refused the request without naming a violation (no route matched, 401, 406 ...). */
  readonly refused?: string;
  /** The SDK raised for another reason (e.g. it could not read Prism's mock response). */
  readonly error?: string;
  readonly exampleValues: number;
  readonly synthesisedValues: number;
  readonly unsendable: readonly string[];
}

export interface ContractReport {
  readonly spec: string;
  readonly operations: number;
  readonly outcomes: readonly OperationOutcome[];
  /** Request violations over every call. */
  readonly violations: number;
  readonly responseViolations: number;
  readonly generateMs: number;
  readonly callMs: number;
  readonly totalMs: number;
}

/** Credentials for every security scheme, so Prism's security check passes. */
function credentialsFor(schemes: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const auth: Record<string, unknown> = {};
  for (const [name, raw] of schemes) {
    const scheme = raw as { type: string; scheme?: string };
    if (scheme.type === 'http' && scheme.scheme === 'basic') auth[name] = { username: 'user', password: 'pass' };
    else if (scheme.type === 'mutualTLS') continue;
    else auth[name] = 'e2e-credential';
  }
  return auth;
}

function describeError(error: unknown): string {
  const e = error as Error & { status?: number; body?: unknown };
  const body = e.body === undefined ? '' : ` ${JSON.stringify(e.body).slice(0, 300)}`;
  return `${e.name}${e.status ? ` ${e.status}` : ''}: ${e.message.slice(0, 300)}${body}`;
}

export async function runContract(name: string, spec: string): Promise<ContractReport> {
  const started = performance.now();
  let prism: PrismServer | undefined;
  let sdk: GeneratedSdk;
  try {
    [prism, sdk] = await Promise.all([startPrism({ spec }), generateSdk(`contract-${name}`, spec)]);
  } catch (error) {
    await prism?.stop();
    throw error;
  }
  const seen: Seen[] = [];
  const client = new sdk.Client({
    baseUrl: prism.baseUrl,
    auth: credentialsFor(sdk.model.securitySchemes),
    retry: { maxRetries: 0 },
    timeout: { read: 10_000, total: 20_000 },
    middleware: [
      async (
        request: { method: string; url: string },
        next: (request: unknown) => Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>,
      ) => {
        const response = await next(request);
        const contentType = String(response.headers['content-type'] ?? '');
        seen.push({
          sent: { method: request.method, url: request.url },
          status: response.status,
          violations: violationsOf(response.headers),
          ...(response.status >= 400 && contentType.includes('problem+json') ? { problemType: 'prism problem' } : {}),
        });
        return response;
      },
    ],
  });
  const reader = new SpecReader(sdk.document);
  const outcomes: OperationOutcome[] = [];
  const callStart = performance.now();
  try {
    for (const op of sdk.model.operations) outcomes.push(await callOne(sdk, client, reader, op, seen));
  } finally {
    await closeClient(client);
    await prism.stop();
  }
  const callMs = performance.now() - callStart;
  return {
    spec: basename(spec),
    operations: sdk.model.operations.length,
    outcomes,
    violations: outcomes.reduce((n, o) => n + o.violations.length, 0),
    responseViolations: outcomes.reduce((n, o) => n + o.responseViolations.length, 0),
    generateMs: sdk.generateMs,
    callMs,
    totalMs: performance.now() - started,
  };
}

interface Seen {
  readonly sent: { readonly method: string; readonly url: string };
  readonly status: number;
  readonly violations: PrismViolation[];
  readonly problemType?: string;
}

async function callOne(
  sdk: GeneratedSdk,
  client: Parameters<GeneratedSdk['method']>[0],
  reader: SpecReader,
  op: ModelOperation,
  seen: Seen[],
): Promise<OperationOutcome> {
  const route = `${op.method.toUpperCase()} ${op.path}`;
  const built = reader.buildCall(
    op.pointer,
    op.body && {
      placement: op.body.placement,
      mediaType: op.body.mediaType,
      binary: op.body.binary,
      text: op.body.text,
    },
  );
  const counts = Object.values(built.sources);
  const base = {
    route,
    method: describeMethod(op),
    exampleValues: counts.filter((s) => s === 'example').length,
    synthesisedValues: counts.filter((s) => s === 'synthesised').length,
    unsendable: built.unsendable,
  };
  const before = seen.length;
  let error: unknown;
  try {
    // Paginated methods: `await` gives the first page (Prism's example pages may link forever).
    await (sdk.method(client, route)(built.params) as PromiseLike<unknown>);
  } catch (caught) {
    error = caught;
  }
  const attempts = seen.slice(before);
  // A 422 Prism makes up itself lists the violations in its problem body rather than the header.
  const inBody = ((error as { body?: { validation?: PrismViolation[] } } | undefined)?.body?.validation ?? []).map(
    (v) => ({
      ...v,
      location: v.location[0] === 'request' ? v.location : ['request', ...v.location],
    }),
  );
  const all = [...attempts.flatMap((a) => a.violations), ...inBody];
  const violations = all.filter((v) => v.location[0] !== 'response');
  const responseViolations = all.filter((v) => v.location[0] === 'response');
  const last = attempts[attempts.length - 1];
  const outcome: OperationOutcome = {
    ...base,
    violations,
    responseViolations,
    ...(last && { status: last.status, sent: last.sent }),
  };
  if (error === undefined) return outcome;
  if (violations.length > 0) return outcome; // refused because of the violations listed
  if (last?.problemType) return { ...outcome, refused: describeError(error) };
  return { ...outcome, error: describeError(error) };
}

/** One line per operation that did not go cleanly, for assertion messages. */
export function formatProblems(report: ContractReport, pick: (o: OperationOutcome) => boolean): string {
  return report.outcomes
    .filter(pick)
    .map((o) => {
      const what = o.violations.length
        ? o.violations.map((v) => `${v.location.join('.')}: ${v.message}`).join('; ')
        : (o.refused ?? o.error ?? '');
      return `  ${o.route} (client.${o.method}) -> ${o.status ?? 'no response'}: ${what}`;
    })
    .join('\n');
}

export function summarise(report: ContractReport): string {
  const examples = report.outcomes.reduce((n, o) => n + o.exampleValues, 0);
  const synthesised = report.outcomes.reduce((n, o) => n + o.synthesisedValues, 0);
  const refused = report.outcomes.filter((o) => o.refused).length;
  const errors = report.outcomes.filter((o) => o.error).length;
  const unsendable = report.outcomes.flatMap((o) => o.unsendable);
  return (
    `# prism ${report.spec}: ${report.outcomes.length}/${report.operations} operations called, ` +
    `${report.violations} request violations, ${refused} refused without violations, ${errors} other SDK errors ` +
    `(${report.responseViolations} violations in Prism's own mock responses, not counted); ` +
    `values from examples ${examples}, synthesised ${synthesised}` +
    (unsendable.length ? `; not sendable by any client: ${unsendable.join(', ')}` : '') +
    `; generate ${Math.round(report.generateMs)} ms, calls ${Math.round(report.callMs)} ms, total ${Math.round(report.totalMs)} ms`
  );
}
