/** Changes as people read them: grouped by weight, one line each, shared-schema changes with their reach. */
import { SEVERITY_ORDER, type Severity, type SurfaceChange } from './changes.js';

const HEADINGS: Readonly<Record<Severity, string>> = {
  major: 'Breaking (major)',
  minor: 'Added (minor)',
  patch: 'Changed (patch)',
};
/** Calls named after a shared-schema change; the rest are counted. */
const MAX_CALLS_LISTED = 3;

export function changeLine(change: SurfaceChange): string {
  const where = change.path !== undefined ? `${change.subject} ${change.path}` : change.subject;
  const calls = change.calls ?? [];
  const reach =
    calls.length === 0
      ? ''
      : ` [${calls.slice(0, MAX_CALLS_LISTED).join(', ')}${calls.length > MAX_CALLS_LISTED ? `, +${calls.length - MAX_CALLS_LISTED} more` : ''}]`;
  return `${where}: ${change.reason}${reach}`;
}

export function formatChanges(changes: readonly SurfaceChange[], verdict: Severity | 'none'): string {
  if (changes.length === 0) return 'no change to the SDK surface\n';
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[severity]}: ${group.length}`);
    for (const change of group) lines.push(`  ${changeLine(change)}`);
    lines.push('');
  }
  lines.push(`verdict: ${verdict} (${countBySeverity(changes)})`);
  return lines.join('\n') + '\n';
}

export function countBySeverity(changes: readonly SurfaceChange[]): string {
  return SEVERITY_ORDER.map((s) => `${changes.filter((c) => c.severity === s).length} ${s}`).join(', ');
}

/** `{ 'field-removed': 3, ... }`, sorted by kind. */
export function countByKind(changes: readonly SurfaceChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}
