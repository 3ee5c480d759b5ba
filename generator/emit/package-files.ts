/** package.json and tsconfig.json of the generated package, from templates/. */
import { SDKGEN_VERSION } from '../package-root.js';
import type { SdkgenConfig } from '../types.js';
import { renderTemplate } from './templates.js';

/** undici 7 is the last major that runs on Node 20; 8 needs Node 22. */
const UNDICI_RANGE = '^7.0.0';
/** ajv 8 (JSON Schema 2020-12), only for SDKs generated with response validation. */
const AJV_RANGE = '^8.17.1';

export async function emitPackageJson(config: SdkgenConfig, title: string): Promise<string> {
  const dependencies: Record<string, string> = { undici: UNDICI_RANGE };
  if (config.validateResponses) dependencies.ajv = AJV_RANGE;
  if (config.runtime === 'package' && config.runtimePackage !== undefined)
    // A package-mode runtime must be the one this SDK was generated against.
    dependencies[config.runtimePackage] = `^${SDKGEN_VERSION}`;
  const sorted = Object.fromEntries(
    Object.keys(dependencies)
      .sort()
      .map((k) => [k, dependencies[k]!]),
  );
  return renderTemplate('package.json.tmpl', {
    name: JSON.stringify(config.package.name),
    version: JSON.stringify(config.package.version),
    description: JSON.stringify(config.package.description ?? `TypeScript client for ${title}`),
    dependencies: JSON.stringify(sorted, null, 2).replace(/\n/g, '\n  '),
  });
}

export function emitTsconfig(): Promise<string> {
  return renderTemplate('tsconfig.json.tmpl', {});
}
