/**
 * src/functions.ts: every operation as a standalone function over a small core client, so an app
 * bundles only what it calls (docs/platforms.md "Tree-shaking"). `client.repos.get(...)` wires
 * every resource and the whole descriptor table into the bundle; `reposGet(core, ...)` pulls in
 * its own descriptor and the runtime, nothing else.
 *
 * Each function imports its own descriptor from src/operations.ts, where each is a separate
 * export marked pure (a bundler drops the ones no function it keeps uses; it could not drop
 * unused properties of one big object), so each descriptor is printed once for both call
 * styles. Its types are the resource method's
 * (`Parameters<Repos["get"]>`, `ReturnType<...>`), so the two call styles can never disagree and
 * this file does not depend on how params and results are printed.
 */
import type { ApiModel, OperationModel } from '../model/index.js';
import { namedList, signature } from './code-writer.js';
import { GENERATED_HEADER, jsDoc, stringLiteral } from './escape.js';
import { descriptorName } from './operations-file.js';
import { takesNoParams } from './type-expressions.js';

/** Words a function declaration cannot be named (operation keys are camelCase identifiers otherwise). */
const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval'
  ).split(' '),
);

/** Names this file declares itself: an operation keyed like one yields (Linode has `createClient`). */
const FILE_OWN_NAMES: ReadonlySet<string> = new Set(['createClient']);

/**
 * The exported function's name: the operation's key (unique, camelCase), never a reserved word or
 * a name the file declares itself (then `<key>Operation`; a spec that also has an operation keyed
 * `createClientOperation` would still collide: not handled).
 */
export function functionName(op: OperationModel): string {
  return RESERVED_WORDS.has(op.key) || FILE_OWN_NAMES.has(op.key) ? `${op.key}Operation` : op.key;
}

/** Where the method lives, as a type: `__Repos['get']` or `__Client['ping']` for root operations. */
function methodType(op: OperationModel, resourceClass: ReadonlyMap<string, string>): string {
  const owner = op.resource === undefined ? '__Client' : `__${resourceClass.get(op.resource)}`;
  return `${owner}[${stringLiteral(op.methodName)}]`;
}

function functionDeclaration(op: OperationModel, resourceClass: ReadonlyMap<string, string>, authType: string): string {
  const name = functionName(op);
  const method = methodType(op, resourceClass);
  const call = op.pagination ? 'paginate' : 'request';
  const params = [`client: __CoreClient<${authType}>`, `...args: Parameters<${method}>`];
  // A method without params is `(options?)`: its args have no index 1 (tsc rejects `args[1]`).
  const args = takesNoParams(op) ? 'undefined, args[0]' : 'args[0] ?? {}, args[1]';
  const doc = jsDoc([
    `${op.method} ${op.path}: the same call as \`client.${op.resource === undefined ? '' : `${op.resource}.`}${op.methodName}()\`, on any client of this API (createClient() is the smallest).`,
  ]);
  // A paginated function hands the pagination feature over itself: bundled only when one is used.
  const feature = op.pagination ? ', __pagination' : '';
  return (
    `${doc}${signature('', `export function ${name}`, params, `: ReturnType<${method}>`)} {\n` +
    // `as never`: the declared return type is the method's; a cast to it would make tsc compare
    // ApiPromise<unknown> with it structurally, per operation (seconds on GitHub's 1,223).
    `  return client.${call}(__operations.${descriptorName(op)}, ${args}${feature}) as never;\n` +
    `}\n`
  );
}

/** `./runtime/` from `./runtime/index.js`. */
function runtimeDir(runtimeImport: string): string {
  return runtimeImport.slice(0, runtimeImport.lastIndexOf('/') + 1);
}

/** The descriptors (and the API descriptor) come from src/operations.ts: see the file's comment. */
export function emitFunctionsFile(model: ApiModel, runtimeImport: string): string {
  const authType = `__${model.clientName}Auth`;
  const resourceClass = new Map(model.resources.map((r) => [r.propertyName, r.className]));
  const operations = [...model.rootOperations, ...model.resources.flatMap((r) => r.operations)].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const imports = [
    namedList('import', ['Client as __CoreClient'], ` from ${stringLiteral(runtimeImport)};`),
    // A namespace import: bundlers resolve `__operations.d_x` statically and keep only the used ones.
    "import * as __operations from './operations.js';",
    ...(operations.some((op) => op.pagination)
      ? [
          `import { pagination as __pagination } from ${stringLiteral(`${runtimeDir(runtimeImport)}features/pagination.js`)};`,
        ]
      : []),
    namedList(
      'import type',
      [
        `${model.clientName} as __Client`,
        `${model.clientName}Auth as ${authType}`,
        `${model.clientName}Options as __Options`,
      ],
      " from './client.js';",
    ),
    ...model.resources.map((r) =>
      namedList(
        'import type',
        [`${r.className} as __${r.className}`],
        ` from ${stringLiteral(`./resources/${r.fileName}.js`)};`,
      ),
    ),
  ];
  const create =
    `${jsDoc([`A client with no resources wired: pass it to the functions below. Same options as \`new ${model.clientName}()\`.`])}` +
    `export function createClient(options: __Options = {}): __CoreClient<${authType}> {\n  return new __CoreClient<${authType}>(__operations.api, options);\n}\n`;
  return `${GENERATED_HEADER}${imports.join('\n')}\n\n${create}\n${operations.map((op) => functionDeclaration(op, resourceClass, authType)).join('\n')}`;
}
