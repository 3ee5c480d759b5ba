/**
 * `sdkgen diff`: two specs -> the change to the SDK surface, weighed. The same surface is what
 * `generate --changelog` records in the manifest and compares on the next run.
 */
import { findConfigFile, loadConfig, resolveConfig } from '../config.js';
import { loadSpec } from '../load/index.js';
import { applyOverlays } from '../load/overlay.js';
import { filterOperations } from '../load/filter.js';
import { buildModel } from '../model/index.js';
import { compareSurfaces } from './compare.js';
import { worst, type Severity, type SurfaceChange } from './changes.js';
import { buildSurface, type SdkSurface } from './surface.js';

export { buildSurface, SURFACE_FORMAT, type SdkSurface } from './surface.js';
export { compareSurfaces } from './compare.js';
export { worst, nextVersion, bumpBetween, type Severity, type SurfaceChange } from './changes.js';

export interface SurfaceOptions {
  /** Config file (names, overlays, filters apply to both sides); ./sdkgen.config.yaml when present. */
  readonly config?: string;
  readonly allowRemoteRefs: boolean;
  readonly cwd?: string;
}

export interface DiffResult {
  readonly verdict: Severity | 'none';
  readonly changes: readonly SurfaceChange[];
}

/** The SDK surface a spec generates, with the config's names and filters applied. */
export async function surfaceOf(specPath: string, options: SurfaceOptions): Promise<SdkSurface> {
  const cwd = options.cwd ?? process.cwd();
  const settings = await loadConfig(findConfigFile(options.config, cwd), {
    spec: specPath,
    allowRemoteRefs: options.allowRemoteRefs,
    cwd,
  });
  const spec = await loadSpec(settings.spec, { allowRemoteRefs: settings.allowRemoteRefs });
  if (settings.overlays) await applyOverlays(spec, settings.overlays);
  filterOperations(spec, settings);
  const config = resolveConfig(settings, spec);
  return buildSurface(buildModel(spec, config), spec);
}

export function diffSurfaces(before: SdkSurface, after: SdkSurface): DiffResult {
  const changes = compareSurfaces(before, after);
  return { verdict: worst(changes), changes };
}

export async function diffSpecs(oldSpec: string, newSpec: string, options: SurfaceOptions): Promise<DiffResult> {
  const before = await surfaceOf(oldSpec, options);
  const after = await surfaceOf(newSpec, options);
  return diffSurfaces(before, after);
}
