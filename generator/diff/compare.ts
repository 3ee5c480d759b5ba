/**
 * Two SDK surfaces -> the list of changes, each weighed (major / minor / patch) with its reason.
 * Operations are matched by operationId, then leftovers by `METHOD path`, so an operationId or a
 * method name that changes under the same route is a rename rather than a removal and an addition.
 */
import { SEVERITY_ORDER, type SurfaceChange } from './changes.js';
import { ShapeComparer } from './compare-shapes.js';
import type { OperationSurface, SdkSurface } from './surface.js';

export function compareSurfaces(before: SdkSurface, after: SdkSurface): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  const shapes = new ShapeComparer(before.schemas, after.schemas);
  for (const [old, now] of matchOperations(before, after, changes)) compareOperation(old, now, shapes, changes);
  changes.push(...shapes.changes());
  compareRecords(before.auth, after.auth, 'auth', changes);
  compareRecords(before.servers, after.servers, 'server', changes);
  for (const name of Object.keys(before.models)) {
    if (!Object.hasOwn(after.models, name))
      changes.push({
        severity: 'major',
        kind: 'model-removed',
        subject: `type ${name}`,
        reason: 'exported type removed',
      });
  }
  for (const name of Object.keys(after.models)) {
    if (!Object.hasOwn(before.models, name))
      changes.push({ severity: 'minor', kind: 'model-added', subject: `type ${name}`, reason: 'new exported type' });
  }
  return sortChanges(changes);
}

function matchOperations(
  before: SdkSurface,
  after: SdkSurface,
  changes: SurfaceChange[],
): [OperationSurface, OperationSurface][] {
  const pairs: [OperationSurface, OperationSurface][] = [];
  const unmatchedOld: OperationSurface[] = [];
  for (const id of Object.keys(before.operations)) {
    const old = before.operations[id]!;
    if (Object.hasOwn(after.operations, id)) pairs.push([old, after.operations[id]!]);
    else unmatchedOld.push(old);
  }
  const route = (op: OperationSurface) => `${op.method} ${op.path}`;
  const addedByRoute = new Map<string, OperationSurface>();
  for (const id of Object.keys(after.operations))
    if (!Object.hasOwn(before.operations, id)) addedByRoute.set(route(after.operations[id]!), after.operations[id]!);
  for (const old of unmatchedOld) {
    const now = addedByRoute.get(route(old));
    if (now) {
      addedByRoute.delete(route(old));
      pairs.push([old, now]);
    } else {
      changes.push({ severity: 'major', kind: 'method-removed', subject: old.call, reason: `removed (${route(old)})` });
    }
  }
  for (const now of addedByRoute.values())
    changes.push({ severity: 'minor', kind: 'method-added', subject: now.call, reason: `new (${route(now)})` });
  return pairs;
}

function compareOperation(
  old: OperationSurface,
  now: OperationSurface,
  shapes: ShapeComparer,
  changes: SurfaceChange[],
): void {
  const subject = now.call;
  if (old.call !== now.call)
    changes.push({
      severity: 'major',
      kind: 'method-renamed',
      subject: old.call,
      reason: `renamed to ${now.call} (${now.method} ${now.path})`,
    });
  if (!old.deprecated && now.deprecated)
    changes.push({ severity: 'patch', kind: 'method-deprecated', subject, reason: 'deprecated' });
  if (old.paginated !== now.paginated) {
    changes.push({
      severity: 'major',
      kind: 'method-return-changed',
      subject,
      reason: now.paginated ? 'now returns a PagePromise (paginated)' : 'no longer paginated: returns an ApiPromise',
    });
  }
  compareParams(old, now, shapes, changes);
  compareBody(old, now, shapes, changes);
  const [a, b] = [old.response, now.response];
  if (a?.kind !== b?.kind) {
    changes.push({
      severity: 'major',
      kind: 'method-return-changed',
      subject,
      reason: `response read as ${b?.kind ?? 'nothing'}, was ${a?.kind ?? 'nothing'}`,
    });
  } else if (a?.shape && b?.shape) {
    shapes.compare(a.shape, b.shape, 'response', subject, 'response', subject);
  }
}

function compareParams(
  old: OperationSurface,
  now: OperationSurface,
  shapes: ShapeComparer,
  changes: SurfaceChange[],
): void {
  const subject = now.call;
  for (const name of Object.keys(old.params)) {
    const before = old.params[name]!;
    const after = Object.hasOwn(now.params, name) ? now.params[name]! : undefined;
    const path = `params.${name}`;
    if (!after) {
      // A parameter that became a body field with the same name is still the same key for a flat call.
      if (isFlatBodyField(now, name)) continue;
      changes.push({ severity: 'major', kind: 'param-removed', subject, path, reason: 'parameter removed' });
      continue;
    }
    if (!before.required && after.required)
      changes.push({ severity: 'major', kind: 'param-required', subject, path, reason: 'parameter now required' });
    if (before.required && !after.required)
      changes.push({ severity: 'minor', kind: 'param-optional', subject, path, reason: 'parameter optional now' });
    if (before.in !== after.in)
      changes.push({
        severity: 'patch',
        kind: 'param-moved',
        subject,
        path,
        reason: `sent in the ${after.in} now, was ${before.in} (same key for callers)`,
      });
    shapes.compare(before.shape, after.shape, 'request', subject, path, subject);
  }
  for (const name of Object.keys(now.params)) {
    if (Object.hasOwn(old.params, name) || isFlatBodyField(old, name)) continue;
    const required = now.params[name]!.required === true;
    changes.push({
      severity: required ? 'major' : 'minor',
      kind: 'param-added',
      subject,
      path: `params.${name}`,
      reason: required ? 'new required parameter' : 'new optional parameter',
    });
  }
}

function isFlatBodyField(op: OperationSurface, name: string): boolean {
  return (
    op.body?.placement === 'flat' && op.body.shape.kind === 'object' && Object.hasOwn(op.body.shape.properties, name)
  );
}

function compareBody(
  old: OperationSurface,
  now: OperationSurface,
  shapes: ShapeComparer,
  changes: SurfaceChange[],
): void {
  const subject = now.call;
  const [a, b] = [old.body, now.body];
  if (!a && !b) return;
  if (!a || !b) {
    const required = b?.required === true;
    changes.push({
      severity: !b ? 'major' : required ? 'major' : 'minor',
      kind: 'body-changed',
      subject,
      path: 'body',
      reason: !b
        ? 'no longer takes a request body'
        : required
          ? 'now requires a request body'
          : 'now takes an optional request body',
    });
    return;
  }
  if (a.placement !== b.placement) {
    changes.push({
      severity: 'major',
      kind: 'body-changed',
      subject,
      path: 'body',
      reason: b.placement === 'body' ? 'the body moved under `body`' : 'the body fields moved into the params object',
    });
    return;
  }
  if (!a.required && b.required)
    changes.push({
      severity: 'major',
      kind: 'body-changed',
      subject,
      path: 'body',
      reason: 'request body now required',
    });
  if (a.mediaType !== b.mediaType)
    changes.push({
      severity: 'patch',
      kind: 'body-changed',
      subject,
      path: 'body',
      reason: `sent as ${b.mediaType}, was ${a.mediaType}`,
    });
  shapes.compare(a.shape, b.shape, 'request', subject, 'body', subject);
}

function compareRecords(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  what: 'auth' | 'server',
  changes: SurfaceChange[],
): void {
  for (const name of Object.keys(before)) {
    const subject = `${what} ${name}`;
    if (!Object.hasOwn(after, name)) {
      changes.push({
        severity: 'major',
        kind: `${what}-removed`,
        subject,
        reason: what === 'auth' ? `the \`auth.${name}\` option is gone` : `the environment "${name}" is gone`,
      });
    } else if (before[name] !== after[name]) {
      // A new server URL changes where calls go, not what compiles; a new auth kind changes the option's type.
      changes.push({
        severity: what === 'auth' ? 'major' : 'patch',
        kind: `${what}-changed`,
        subject,
        reason: `${after[name]}, was ${before[name]}`,
      });
    }
  }
  for (const name of Object.keys(after)) {
    if (!Object.hasOwn(before, name))
      changes.push({
        severity: 'minor',
        kind: `${what}-added`,
        subject: `${what} ${name}`,
        reason: `new: ${after[name]}`,
      });
  }
}

function sortChanges(changes: SurfaceChange[]): SurfaceChange[] {
  const rank = (c: SurfaceChange) => SEVERITY_ORDER.indexOf(c.severity);
  return changes.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      compareText(x.subject, y.subject) ||
      compareText(x.path ?? '', y.path ?? '') ||
      compareText(x.kind, y.kind) ||
      compareText(x.reason, y.reason),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
