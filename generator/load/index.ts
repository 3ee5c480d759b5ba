/**
 * file -> LoadedSpec: read, parse (with positions), check the version, bundle external refs,
 * upgrade Swagger 2.0, and refuse what later stages cannot handle, each with a located error.
 */
import { dirname, resolve } from 'node:path';
import type { LoadedSpec, OpenApiDocument } from '../types.js';
import { bundleExternalRefs } from './bundle.js';
import { checkDuplicateOperationIds } from './check-operations.js';
import { checkInternalRefs } from './check-refs.js';
import { OPENAPI3_LAYOUT, SWAGGER2_LAYOUT } from './ref-context.js';
import { SourceReader } from './source-reader.js';
import { upgradeSwagger2 } from './upgrade-swagger.js';
import { checkTopLevelShape, detectVersion } from './version.js';

export interface LoadOptions {
  /** Fetch http(s) `$ref`s; off by default so generation only depends on files in the repository. */
  readonly allowRemoteRefs: boolean;
  /** Folder that local `$ref`s must stay inside; default: the entry spec's folder. */
  readonly refRoot?: string;
}

export async function loadSpec(path: string, options: LoadOptions): Promise<LoadedSpec> {
  const sourcePath = resolve(path);
  const reader = new SourceReader({
    allowRemoteRefs: options.allowRemoteRefs,
    refRoot: resolve(options.refRoot ?? dirname(sourcePath)),
  });
  const root = await reader.read(sourcePath);
  const originalVersion = detectVersion(root);
  const bundled = await bundleExternalRefs(root, reader, originalVersion === '2.0' ? SWAGGER2_LAYOUT : OPENAPI3_LAYOUT);
  checkTopLevelShape(bundled.document, bundled.locate);
  checkInternalRefs(bundled.document, bundled.locate);
  let document = bundled.document as OpenApiDocument;
  let locate = bundled.locate;
  if (originalVersion === '2.0') {
    ({ document, locate } = await upgradeSwagger2(bundled.document, bundled.locate));
  }
  checkDuplicateOperationIds(document, locate);
  return { document, sourcePath, originalVersion, locate };
}

export { displayPath } from './display-path.js';
export { parseSource, type ParsedSource } from './parse.js';
