/**
 * ApiModel -> the generated package's files (relative POSIX path -> content). Pure apart from
 * reading runtime/ and templates/: no timestamps, no absolute paths, sorted, byte-stable.
 */
import type { GeneratedFiles, LoadedSpec, SdkgenConfig } from '../types.js';
import type { ApiModel } from '../model/index.js';
import { emitModelsFile } from './models-file.js';
import { emitOperationsFile } from './operations-file.js';
import { emitResourceFile } from './resource-file.js';
import { emitClientFile } from './client-file.js';
import { emitIndexFile } from './index-file.js';
import { emitFunctionsFile } from './functions-file.js';
import { emitNodeEntry } from './node-entries.js';
import { runtimeFiles, validationCheckerFile } from './runtime-files.js';
import { emitSchemasFile } from './schemas-file.js';
import { emitPackageJson, emitTsconfig } from './package-files.js';
import { emitReadme } from './readme.js';
import { emitPrettierConfig, emitPrettierIgnore } from './prettier-config.js';
import { isObject } from '../lib/json-pointer.js';
import { RefResolver } from '../model/refs.js';
import { componentSchemaKey, SchemaViews } from '../model/schema-views.js';
import { reservedTypeNames } from '../model/reserved-names.js';
import { SchemaPrinter, type ModelNames } from './schema-printer.js';
import { vacuousSchemas } from './vacuous.js';
import { attachExamples } from './examples.js';
import { emitTestFiles, TESTS_CASES_FILE } from './tests-files.js';
import { emitHookMiddlewareFile, emitHooksFile, HOOK_MIDDLEWARE_FILE, HOOKS_FILE } from './hooks-file.js';

/**
 * Files emit produces that belong to the user once they exist: generate.ts writes them only when
 * absent and never lists them in the manifest (so they are never overwritten or deleted).
 */
export const USER_OWNED_FILES: ReadonlySet<string> = new Set([HOOKS_FILE]);

/** Milliseconds per phase of one emit, for `--verbose` and the real-spec benchmarks. */
export interface EmitTimings {
  types: number;
  code: number;
  packageFiles: number;
}

function runtimeImportFor(config: SdkgenConfig, fromDepth: 0 | 1): string {
  if (config.runtime === 'package') {
    if (config.runtimePackage === undefined)
      throw new Error('config.runtime is "package" but runtimePackage is not set');
    return config.runtimePackage;
  }
  return fromDepth === 0 ? './runtime/index.js' : '../runtime/index.js';
}

/** Every type name the package exports, so an alias the printer hoists takes none of them. */
function exportedTypeNames(model: ApiModel): Set<string> {
  const names = reservedTypeNames(model.clientName);
  for (const m of model.models) {
    names.add(m.name);
    if (m.inputName !== undefined) names.add(m.inputName);
  }
  for (const r of model.resources) names.add(r.className);
  for (const op of model.operations) {
    for (const n of [op.paramsTypeName, op.responseTypeName, op.errorTypeName]) if (n !== undefined) names.add(n);
  }
  return names;
}

/**
 * The package's files. Pass `timings` to have the milliseconds each phase took written into it
 * (the caller owns it; nothing is kept between calls).
 */
export async function emitPackage(
  model: ApiModel,
  spec: LoadedSpec,
  config: SdkgenConfig,
  timings?: EmitTimings,
): Promise<GeneratedFiles> {
  const files = new Map<string, string>();
  // Before any file is printed: methods' JSDoc and the README read the spec's examples from here.
  attachExamples(model, spec);
  let start = performance.now();
  // Loaded only when asked for: openapi-typescript brings the TypeScript compiler (~0.5 s to load).
  if (config.openapiTypescript === true)
    files.set('src/types.ts', (await import('./types-file.js')).emitTypesFile(spec.document));
  if (timings) timings.types = performance.now() - start;

  start = performance.now();
  const components =
    isObject(spec.document.components) && isObject(spec.document.components.schemas)
      ? spec.document.components.schemas
      : {};
  const refs = new RefResolver(spec);
  const modelsByKey = new Map<string, ModelNames>(model.models.map((m) => [componentSchemaKey(m.schemaName), m]));
  const printer = new SchemaPrinter(refs, new SchemaViews(refs), modelsByKey, exportedTypeNames(model));
  files.set('src/operations.ts', emitOperationsFile(model, runtimeImportFor(config, 0), config.validateResponses));
  if (config.validateResponses) {
    files.set('src/validation/schemas.ts', emitSchemasFile(model, spec));
    files.set('src/validation/ajv-checker.ts', await validationCheckerFile());
  }
  for (const resource of model.resources) {
    files.set(
      `src/resources/${resource.fileName}.ts`,
      emitResourceFile(resource, printer, runtimeImportFor(config, 1), `${model.clientName}Auth`),
    );
  }
  files.set(
    'src/client.ts',
    emitClientFile(model, printer, runtimeImportFor(config, 0), { hooks: config.hooks !== false }),
  );
  if (config.hooks !== false) {
    files.set(HOOK_MIDDLEWARE_FILE, emitHookMiddlewareFile(model, runtimeImportFor(config, 0)));
    files.set(HOOKS_FILE, emitHooksFile());
  }
  // Last: it also declares the aliases the files above hoisted.
  files.set('src/models.ts', emitModelsFile(model, printer, components, new Set(vacuousSchemas(components, false))));
  files.set('src/index.ts', emitIndexFile(model, runtimeImportFor(config, 0), config.openapiTypescript === true));
  files.set('src/functions.ts', emitFunctionsFile(model, runtimeImportFor(config, 0)));
  // The Node entries over the two platform-neutral ones above (package.json "exports" picks).
  files.set('src/index.node.ts', emitNodeEntry('./index.js', runtimeImportFor(config, 0)));
  files.set('src/functions.node.ts', emitNodeEntry('./functions.js', runtimeImportFor(config, 0)));
  if (timings) timings.code = performance.now() - start;

  start = performance.now();
  if (config.runtime !== 'package') for (const [path, text] of await runtimeFiles()) files.set(path, text);
  files.set('package.json', await emitPackageJson(config, model.title));
  files.set('tsconfig.json', await emitTsconfig());
  files.set('.prettierrc.json', emitPrettierConfig());
  files.set('.prettierignore', emitPrettierIgnore(TESTS_CASES_FILE));
  files.set('README.md', await emitReadme(model, config.validateResponses));
  // The package's own `npm test` (emit/tests-files.ts): one MockAgent call per operation.
  for (const [path, text] of (await emitTestFiles(model, spec)).files) files.set(path, text);
  if (timings) timings.packageFiles = performance.now() - start;

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
