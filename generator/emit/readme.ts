/** README.md of the generated package: install, auth, first call, every resource, the runtime's behaviour. */
import type { ApiModel, OperationModel } from '../model/index.js';
import { renderTemplate } from './templates.js';
import { methodListing } from '../model/names-listing.js';
import { callExampleOf } from './examples.js';

/** README examples use this origin when the spec has no absolute server URL. */
const EXAMPLE_ORIGIN = 'https://api.example.com';

/** Markdown-inline text from the spec: one line, no HTML, no code fences. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[<>`]/g, (c) => `&#${c.charCodeAt(0)};`)
    .trim();
}

/**
 * A markdown table as prettier prints it: every column padded to its widest cell, the delimiter row
 * dashes of that width (at least 3), so `prettier --check` leaves the README alone.
 */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => displayWidth(row[i]!))));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - displayWidth(cell))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Wide (CJK, Hangul, fullwidth forms, emoji): two columns in prettier's width. */
const WIDE_CHARACTER =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
/** Control characters and combining marks: no column. */
const ZERO_WIDTH = /[\p{Cc}\p{Mn}\p{Me}]/u;

/**
 * The columns prettier gives text when it aligns a table (its getStringWidth, without its full
 * East Asian Width and emoji tables: these ranges cover the scripts spec names are written in).
 */
function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const c of text) width += ZERO_WIDTH.test(c) ? 0 : WIDE_CHARACTER.test(c) ? 2 : 1;
  return width;
}

function exampleValue(op: OperationModel): string {
  // The spec's own examples when emit/examples.ts attached them (emitPackage does).
  const fromSpec = callExampleOf(op);
  if (fromSpec) return fromSpec.args;
  const required = op.params.filter((p) => p.required);
  const entries = required.map((p) => `${/^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : JSON.stringify(p.name)}: '...'`);
  if (op.body?.required && op.body.placement === 'body') entries.push('body: ...');
  if (op.body?.required && op.body.placement === 'flat') entries.push('/* body fields */');
  return entries.length > 0 ? `{ ${entries.join(', ')} }` : '';
}

function callExpression(op: OperationModel): string {
  const owner = op.resource !== undefined ? `client.${op.resource}` : 'client';
  return `${owner}.${op.methodName}(${exampleValue(op)})`;
}

/** The call with per-call options: `client.pets.list({}, { retry: { maxRetries: 0 } })`. */
function callWithOptions(op: OperationModel, options: string): string {
  const owner = op.resource !== undefined ? `client.${op.resource}` : 'client';
  return `${owner}.${op.methodName}(${exampleValue(op) || '{}'}, ${options})`;
}

function pickExample(model: ApiModel): OperationModel | undefined {
  const all = [...model.resources.flatMap((r) => r.operations), ...model.rootOperations];
  return all.find((op) => op.method === 'GET' && !op.paramsRequired) ?? all.find((op) => op.method === 'GET') ?? all[0];
}

/**
 * Every operation's method, by operationId, so a reviewer can search the spec's name and a diff
 * between two generations shows every rename (`sdkgen generate --json` prints the same listing).
 */
function namesSection(model: ApiModel): string {
  const rows = methodListing(model).map((m) => [inline(m.key).replace(/\|/g, '\\|'), `\`client.${m.call}\``]);
  if (rows.length === 0) return 'This API declares no operations.';
  return [
    'The method each operation of the spec became (`sdkgen generate --json` prints the same listing as `names`):',
    '',
    '<details><summary>' + `${rows.length} operation${rows.length === 1 ? '' : 's'}` + '</summary>',
    '',
    markdownTable(['operation', 'method'], rows),
    '',
    '</details>',
  ].join('\n');
}

const VALIDATION_SECTION = (clientName: string, envPrefix: string): string =>
  [
    "This SDK ships the API's response schemas. `validate` checks every 2xx JSON body against them:",
    '',
    "- `'off'` (default): no checks; ajv and the schemas are never loaded.",
    "- `'warn'`: the data comes back as sent; the first mismatch of each operation and status is logged at warn level",
    '  (later ones at debug). A value outside an `enum` is not reported: APIs add enum values.',
    "- `'strict'`: a mismatch raises `ResponseValidationError` with `issues` (path, keyword, message; never the values)",
    '  and the decoded body in `error.body`.',
    '',
    '```ts',
    `const client = new ${clientName}({ validate: 'warn' });`,
    "const strict = client.withOptions({ validate: 'strict' }); // shares the connection pool",
    "// or for one call: pass { validate: 'strict' } in the call options",
    '```',
    '',
    `Without the option, \`${envPrefix}_VALIDATE=warn\` (or \`strict\`) in the environment turns it on, e.g. in staging.`,
    '',
    'The schemas are checked leniently where OpenAPI is looser than JSON Schema: `oneOf` accepts a body that',
    'matches more than one member, `format` is not checked, and `writeOnly` properties are never required.',
  ].join('\n');

const VALIDATION_ABSENT =
  "This SDK was generated without response schemas, so `validate` must stay `'off'`. Regenerate it with `validation: { responses: true }` in sdkgen.config.yaml to check responses against the spec.";

/** The scheme table: each scheme's `auth` key, kind and environment variable. */
function authSection(model: ApiModel, schemeNames: readonly string[]): string {
  return schemeNames.length === 0
    ? 'This API declares no authentication.'
    : [
        'Pass credentials under `auth`, keyed by the scheme names of the spec, or set the environment variable:',
        '',
        markdownTable(
          ['scheme', 'kind', 'environment variable'],
          schemeNames.map((name) => {
            const s = model.securitySchemes.get(name)!;
            const kind =
              s.type === 'http'
                ? `http ${s.scheme}`
                : s.type === 'apiKey'
                  ? `API key in ${s.in} \`${inline(s.name)}\``
                  : s.type;
            const basic = s.type === 'http' && s.scheme !== 'bearer';
            const env =
              'env' in s && s.env !== undefined
                ? basic
                  ? `\`${s.env}_USERNAME\` + \`${s.env}_PASSWORD\``
                  : `\`${s.env}\``
                : '-';
            return [`\`${inline(name)}\``, kind, env];
          }),
        ),
      ].join('\n');
}

export async function emitReadme(model: ApiModel, withResponseSchemas = false): Promise<string> {
  const example = pickExample(model);
  const call = example
    ? `const result = await ${callExpression(example)};\nconsole.log(result);`
    : '// this API declares no operations';
  const schemeNames = [...model.securitySchemes.keys()].sort();
  const optionsExample =
    schemeNames.length > 0
      ? `{ auth: { ${/^[A-Za-z_$][\w$]*$/.test(schemeNames[0]!) ? schemeNames[0] : JSON.stringify(schemeNames[0])}: process.env.${(model.securitySchemes.get(schemeNames[0]!) as { env?: string }).env ?? 'TOKEN'} } }`
      : '';
  const environmentsSection =
    model.servers.length === 0
      ? 'The spec declares no server: pass `baseUrl`.'
      : [
          'Servers (`environment` option; `baseUrl` overrides):',
          '',
          ...model.servers.map((s) => `- \`${s.name}\`: ${inline(s.url)}`),
        ].join('\n');
  const resourceLines: string[] = [];
  const groups: { title: string; ops: readonly OperationModel[] }[] = [
    ...(model.rootOperations.length > 0 ? [{ title: 'client', ops: model.rootOperations }] : []),
    ...model.resources.map((r) => ({ title: `client.${r.propertyName}`, ops: r.operations })),
  ];
  for (const g of groups) {
    resourceLines.push(`### ${g.title}`, '', '```ts');
    for (const op of g.ops)
      resourceLines.push(`await ${callExpression(op)}; // ${op.method} ${op.path.replace(/\n/g, ' ')}`);
    resourceLines.push('```', '');
  }
  const paginated = [...model.resources.flatMap((r) => r.operations), ...model.rootOperations].find(
    (op) => op.pagination,
  );
  const paginationSection = paginated
    ? [
        'List operations return a `PagePromise`: `await` gives the first page, `for await` every item, lazily, one page in memory at a time.',
        '',
        '```ts',
        `for await (const item of ${callExpression(paginated)}) {`,
        '  console.log(item);',
        '}',
        `const page = await ${callExpression(paginated)};`,
        'if (page.hasNextPage()) console.log(await page.getNextPage());',
        '```',
        '',
        'Limit with `{ maxPages, maxItems }` in the call options.',
      ].join('\n')
    : 'No operation of this API is paginated.';
  const firstServer = model.servers.find((s) => /^https?:\/\//.test(s.url) && !s.url.includes('{'));
  const mockBaseUrl = firstServer?.url ?? EXAMPLE_ORIGIN;
  const exampleCall = example ? `await ${callExpression(example)}` : '';
  return renderTemplate('README.md.tmpl', {
    packageName: model.packageName,
    title: inline(model.title),
    description: model.description ? `\n\n${model.description.trim().replace(/\r\n?/g, '\n')}` : '',
    clientName: model.clientName,
    clientOptionsExample: optionsExample,
    authSection: authSection(model, schemeNames),
    firstCall: call,
    environmentsSection,
    resourcesSection: resourceLines.join('\n').trim(),
    namesSection: namesSection(model),
    errorCall: exampleCall ? `${exampleCall};` : '// a call',
    retryCall: example ? `await ${callWithOptions(example, '{ retry: { maxRetries: 0 } }')}; // this call only` : '',
    timeoutCall: example ? `await ${callWithOptions(example, '{ timeout: { read: 5_000 } }')};` : '',
    idempotencyNote:
      ' (`{ idempotencyKey }` in the call options; operations that declare one get a key generated for them)',
    paginationSection,
    mockOrigin: new URL(mockBaseUrl).origin,
    mockBaseUrl,
    envPrefix: model.envPrefix,
    validationSection: withResponseSchemas ? VALIDATION_SECTION(model.clientName, model.envPrefix) : VALIDATION_ABSENT,
  });
}
