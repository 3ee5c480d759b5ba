/**
 * ApiModel -> the generated package's files (relative POSIX path -> content). Pure apart from
 * reading runtime/ and templates/: no timestamps, no absolute paths, sorted, byte-stable.
 */
import type { GeneratedFiles, LoadedSpec, SdkgenConfig } from '../types.js';
import type { ApiModel } from '../model/index.js';
import { emitTypesFile } from './types-file.js';
import { emitModelsFile } from './models-file.js';
import { emitOperationsFile } from './operations-file.js';
import { emitResourceFile } from './resource-file.js';
import { emitClientFile } from './client-file.js';
import { emitIndexFile } from './index-file.js';
import { emitFunctionsFile } from './functions-file.js';
import { runtimeFiles, validationCheckerFile } from './runtime-files.js';
import { emitSchemasFile } from './schemas-file.js';
import { emitPackageJson, emitTsconfig } from './package-files.js';
import { emitReadme } from './readme.js';

/** Milliseconds per phase of the last emit, for `--verbose` and the real-spec benchmarks. */
export interface EmitTimings {
  types: number;
  code: number;
  packageFiles: number;
}

export const lastEmitTimings: EmitTimings = { types: 0, code: 0, packageFiles: 0 };

function runtimeImportFor(config: SdkgenConfig, fromDepth: 0 | 1): string {
  if (config.runtime === 'package') {
    if (config.runtimePackage === undefined) throw new Error('config.runtime is "package" but runtimePackage is not set');
    return config.runtimePackage;
  }
  return fromDepth === 0 ? './runtime/index.js' : '../runtime/index.js';
}

export async function emitPackage(model: ApiModel, spec: LoadedSpec, config: SdkgenConfig): Promise<GeneratedFiles> {
  const files = new Map<string, string>();
  let start = performance.now();
  files.set('src/types.ts', emitTypesFile(spec.document));
  lastEmitTimings.types = performance.now() - start;

  start = performance.now();
  const modelNames = new Map(model.models.map((m) => [m.schemaName, m.name]));
  files.set('src/models.ts', emitModelsFile(model));
  files.set('src/operations.ts', emitOperationsFile(model, runtimeImportFor(config, 0), config.validateResponses));
  if (config.validateResponses) {
    files.set('src/validation/schemas.ts', emitSchemasFile(model, spec));
    files.set('src/validation/ajv-checker.ts', await validationCheckerFile());
  }
  for (const resource of model.resources) {
    files.set(`src/resources/${resource.fileName}.ts`, emitResourceFile(resource, modelNames, runtimeImportFor(config, 1), `${model.clientName}Auth`));
  }
  files.set('src/client.ts', emitClientFile(model, modelNames, runtimeImportFor(config, 0)));
  files.set('src/index.ts', emitIndexFile(model, runtimeImportFor(config, 0)));
  files.set('src/functions.ts', emitFunctionsFile(model, runtimeImportFor(config, 0), config.validateResponses));
  lastEmitTimings.code = performance.now() - start;

  start = performance.now();
  if (config.runtime !== 'package') for (const [path, text] of await runtimeFiles()) files.set(path, text);
  files.set('package.json', await emitPackageJson(config, model.title));
  files.set('tsconfig.json', await emitTsconfig());
  files.set('README.md', await emitReadme(model, config.validateResponses));
  lastEmitTimings.packageFiles = performance.now() - start;

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
