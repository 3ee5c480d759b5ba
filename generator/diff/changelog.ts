/**
 * `generate --changelog`: the surface of the last changelog run is recorded beside the manifest
 * (SURFACE_FILE); the next run compares against it, adds a CHANGELOG.md section when the surface
 * changed, and suggests (or, with --bump, sets) the next version.
 *
 * The recorded surface is its own file rather than a field of .sdkgen-manifest.json: GitHub's is
 * 3.6 MB, and the manifest should stay a short list a reviewer can read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Severity, SurfaceChange } from './changes.js';
import { SURFACE_FORMAT, type SdkSurface } from './surface.js';
import { changeLine } from './format.js';

export const SURFACE_FILE = '.sdkgen-surface.json';
export const CHANGELOG_FILE = 'CHANGELOG.md';
const CHANGELOG_TITLE = '# Changelog';

export interface RecordedSurface {
  /** The package version this surface shipped as (what --bump starts from). */
  readonly packageVersion: string;
  readonly surface: SdkSurface;
}

/** The recorded surface of the output folder, or undefined (none, unreadable, or an older format). */
export async function readRecordedSurface(outDir: string): Promise<RecordedSurface | undefined> {
  let text: string;
  try {
    text = await readFile(join(outDir, SURFACE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<RecordedSurface>;
    if (typeof parsed.packageVersion === 'string' && parsed.surface?.format === SURFACE_FORMAT)
      return parsed as RecordedSurface;
  } catch {
    // A damaged record is no baseline: the run records a fresh one and says so.
  }
  return undefined;
}

/** Compact: the file is bookkeeping, read by sdkgen only. */
export function serializeRecordedSurface(record: RecordedSurface): string {
  return JSON.stringify(record) + '\n';
}

/** Keep a Changelog's groups; a minor change that only makes response types more precise is a fix. */
type Group = 'Breaking' | 'Added' | 'Changed' | 'Fixed';
const GROUPS: readonly Group[] = ['Breaking', 'Added', 'Changed', 'Fixed'];
const ADDITIONS = new Set([
  'method-added',
  'param-added',
  'field-added',
  'model-added',
  'server-added',
  'auth-added',
  'enum-values-added',
  'param-optional',
  'type-widened',
  'nullable-added',
]);
/** Narrowing kinds are minor only on the response side, where they make the types more precise. */
const PRECISION = new Set(['type-narrowed', 'nullable-removed', 'enum-values-removed', 'field-required']);

function groupOf(change: SurfaceChange): Group {
  if (change.severity === 'major') return 'Breaking';
  if (change.severity === 'patch') return 'Changed';
  if (PRECISION.has(change.kind)) return 'Fixed';
  return ADDITIONS.has(change.kind) ? 'Added' : 'Changed';
}

/** One CHANGELOG.md section: `## <version>` and the changes grouped, methods named. */
export function changelogSection(
  heading: string,
  verdict: Severity,
  changes: readonly SurfaceChange[],
  specVersion: string,
): string {
  const lines = [
    `## ${heading}`,
    '',
    `Regenerated from the spec's version ${inlineCode(specVersion)}; sdkgen's verdict: **${verdict}**.`,
    '',
  ];
  for (const group of GROUPS) {
    const members = changes.filter((c) => groupOf(c) === group);
    if (members.length === 0) continue;
    lines.push(`### ${group}`, '');
    for (const change of members) lines.push(`- ${markdownLine(change)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The existing changelog with `section` added on top (below the title). */
export function prependSection(existing: string | undefined, section: string): string {
  if (existing === undefined || existing.trim() === '') return `${CHANGELOG_TITLE}\n\n${section}`;
  const firstSection = existing.search(/^## /m);
  if (firstSection === -1) return `${existing.replace(/\n*$/, '\n\n')}${section}`;
  return `${existing.slice(0, firstSection)}${section}\n${existing.slice(firstSection)}`;
}

/** Spec text in a changelog line: names and paths in code spans, nothing that could open HTML. */
function markdownLine(change: SurfaceChange): string {
  return changeLine(change)
    .replace(/[<>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^([^:]+):/, (_all, where: string) => `${inlineCode(where)}:`);
}

function inlineCode(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}
