/**
 * One change to the SDK surface and its semver weight. The weight is about code that compiles
 * against the SDK: major = some caller's code stops compiling or gets values its types ruled out;
 * minor = new things to use; patch = nothing a caller's code can see (docs, deprecations, URLs).
 */
export type Severity = 'major' | 'minor' | 'patch';

export const SEVERITY_ORDER: readonly Severity[] = ['major', 'minor', 'patch'];

export type ChangeKind =
  | 'method-added'
  | 'method-removed'
  | 'method-renamed'
  | 'method-deprecated'
  | 'method-return-changed'
  | 'param-added'
  | 'param-removed'
  | 'param-required'
  | 'param-optional'
  | 'param-retyped'
  | 'param-moved'
  | 'body-changed'
  | 'field-added'
  | 'field-removed'
  | 'field-required'
  | 'field-optional'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'type-widened'
  | 'type-narrowed'
  | 'type-changed'
  | 'nullable-added'
  | 'nullable-removed'
  | 'model-added'
  | 'model-removed'
  | 'auth-added'
  | 'auth-removed'
  | 'auth-changed'
  | 'server-added'
  | 'server-removed'
  | 'server-changed';

export interface SurfaceChange {
  readonly severity: Severity;
  readonly kind: ChangeKind;
  /** What changed: `issues.listForRepo`, `schema issue`, `auth bearerAuth`, `server production`. */
  readonly subject: string;
  /** Inside the subject: `params.per_page`, `response.labels[].name`, `body.title`. */
  readonly path?: string;
  /** Why it has this weight, in words for a changelog. */
  readonly reason: string;
  /** For changes inside a shared schema: the calls it reaches (sorted). */
  readonly calls?: readonly string[];
}

/** Request values flow from the caller to the API; response values the other way. */
export type Direction = 'request' | 'response';

export function worst(changes: readonly SurfaceChange[]): Severity | 'none' {
  for (const severity of SEVERITY_ORDER) if (changes.some((c) => c.severity === severity)) return severity;
  return 'none';
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/**
 * The next version after `current` for a change of this weight. Below 1.0.0 a breaking change
 * bumps the minor (semver's rule for initial development, and what npm users expect of 0.x).
 */
export function nextVersion(current: string, severity: Severity | 'none'): string {
  const match = SEMVER.exec(current);
  if (!match || severity === 'none') return current;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (severity === 'major') return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  if (severity === 'minor') return major === 0 ? `0.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The published bump between two versions, as a severity. */
export function bumpBetween(from: string, to: string): Severity | 'none' {
  const a = SEMVER.exec(from);
  const b = SEMVER.exec(to);
  if (!a || !b) return 'none';
  if (a[1] !== b[1]) return 'major';
  if (a[2] !== b[2]) return 'minor';
  return a[3] !== b[3] ? 'patch' : 'none';
}
