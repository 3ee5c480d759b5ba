/**
 * The release side of a generation with --changelog / --bump: compare the new surface with the
 * one recorded in the output folder, decide the package version, and produce the user files that
 * carry the result (CHANGELOG.md and the new record). Nothing is written here; write.ts does it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type LoadedSpec, type SourceLocation } from '../types.js';
import type { ApiModel } from '../model/index.js';
import type { UserFile } from '../write.js';
import { nextVersion, worst, type Severity, type SurfaceChange } from './changes.js';
import { compareSurfaces } from './compare.js';
import { buildSurface } from './surface.js';
import {
  CHANGELOG_FILE,
  SURFACE_FILE,
  changelogSection,
  prependSection,
  readRecordedSurface,
  serializeRecordedSurface,
} from './changelog.js';

export interface ReleaseInput {
  readonly model: ApiModel;
  readonly spec: LoadedSpec;
  readonly outDir: string;
  /** The config's version (explicit or the spec-derived default). */
  readonly configVersion: string;
  /** Where `package.version` is set in the config; undefined when it is not set. */
  readonly versionSetAt: SourceLocation | 'set without a file' | undefined;
  readonly bump: boolean;
}

export interface ReleasePlan {
  /** False on the first --changelog run: there was nothing recorded to compare with. */
  readonly compared: boolean;
  readonly verdict: Severity | 'none';
  readonly changes: readonly SurfaceChange[];
  readonly currentVersion: string;
  readonly suggestedVersion: string;
  /** What package.json gets: the suggested version with --bump, else the current one. */
  readonly packageVersion: string;
  readonly userFiles: ReadonlyMap<string, UserFile>;
}

export async function planRelease(input: ReleaseInput): Promise<ReleasePlan> {
  const surface = buildSurface(input.model, input.spec);
  const recorded = await readRecordedSurface(input.outDir);
  // Once released, the version is the publisher's: a later run starts from the recorded one
  // unless the config pins package.version.
  const currentVersion =
    input.versionSetAt === undefined ? (recorded?.packageVersion ?? input.configVersion) : input.configVersion;
  const changes = recorded ? compareSurfaces(recorded.surface, surface) : [];
  const verdict = worst(changes);
  const suggestedVersion = nextVersion(currentVersion, verdict);
  if (input.bump && suggestedVersion !== currentVersion && input.versionSetAt !== undefined) {
    throw new InputError(
      `--bump would set version ${suggestedVersion}, but the config pins package.version to ${currentVersion}`,
      {
        ...(typeof input.versionSetAt === 'object' && { location: input.versionSetAt }),
        pointer: '/package/version',
        hint: `set package.version: ${suggestedVersion} in the config (or remove it and let --bump manage the version)`,
      },
    );
  }
  const packageVersion = input.bump ? suggestedVersion : currentVersion;
  const userFiles = new Map<string, UserFile>([
    [SURFACE_FILE, { mode: 'replace', content: serializeRecordedSurface({ packageVersion, surface }) }],
  ]);
  if (verdict !== 'none') {
    const heading = input.bump ? suggestedVersion : `Unreleased (suggested ${suggestedVersion})`;
    const existing = await readFile(join(input.outDir, CHANGELOG_FILE), 'utf8').catch(() => undefined);
    const section = changelogSection(heading, verdict, changes, String(input.spec.document.info.version));
    userFiles.set(CHANGELOG_FILE, { mode: 'replace', content: prependSection(existing, section) });
  }
  return {
    compared: recorded !== undefined,
    verdict,
    changes,
    currentVersion,
    suggestedVersion,
    packageVersion,
    userFiles,
  };
}

/** The version a plain run (no --changelog) keeps: the recorded one, when a --bump set it. */
export async function recordedPackageVersion(outDir: string): Promise<string | undefined> {
  return (await readRecordedSurface(outDir))?.packageVersion;
}
