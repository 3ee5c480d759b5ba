/**
 * Every `$ref` left after bundling must be internal and point at something. Checked once here,
 * so model/ can follow refs without guarding each one, and the user sees the `$ref` line.
 */
import { closestName, withinEditDistance } from '../lib/did-you-mean.js';
import { InputError, type SourceLocation } from '../types.js';
import { joinPointer, fragmentToPointer, isObject, parsePointer, resolvePointer } from '../lib/json-pointer.js';
import { isReferenceBearing, keysAreNames } from './ref-context.js';

/** A node on the walk; its pointer is built only for an error (building one per node cost ~40% of the walk). */
interface Visit {
  readonly node: unknown;
  readonly parent: Visit | undefined;
  readonly segment: string | number;
  readonly parentKey: string | undefined;
}

function pointerOf(visit: Visit): string {
  const segments: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.parent !== undefined; v = v.parent) segments.push(v.segment);
  return segments.reverse().reduce<string>((pointer, segment) => joinPointer(pointer, segment), '');
}

export function checkInternalRefs(document: unknown, locate: (pointer: string) => SourceLocation | undefined): void {
  // Iterative walk: a deep (or generated) document must not overflow the stack.
  const stack: Visit[] = [{ node: document, parent: undefined, segment: '', parentKey: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, parentKey } = visit;
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ node: item, parent: visit, segment: index, parentKey }));
      continue;
    }
    if (!isObject(node)) continue;
    const refIsName = keysAreNames(parentKey);
    if ('$ref' in node && !refIsName)
      checkOne(document, node.$ref, () => joinPointer(pointerOf(visit), '$ref'), locate);
    for (const key of Object.keys(node)) {
      if ((key !== '$ref' || refIsName) && isReferenceBearing(key, parentKey)) {
        stack.push({ node: node[key], parent: visit, segment: key, parentKey: key });
      }
    }
  }
}

function checkOne(
  document: unknown,
  ref: unknown,
  pointerOfRef: () => string,
  locate: (pointer: string) => SourceLocation | undefined,
): void {
  if (
    typeof ref === 'string' &&
    ref.startsWith('#') &&
    resolvePointer(document, parsePointer(fragmentToPointer(ref))).found
  )
    return;
  const refPointer = pointerOfRef();
  if (typeof ref !== 'string') {
    throw new InputError(`$ref must be a string, found ${JSON.stringify(ref)}`, {
      location: locate(refPointer),
      pointer: refPointer,
      hint: "write the reference as a string, e.g. $ref: '#/components/schemas/Pet'",
    });
  }
  if (!ref.startsWith('#')) {
    // The bundler walks the same keys as this check, so this means a $ref it could not place.
    throw new InputError(`$ref "${ref}" could not be bundled into the document`, {
      location: locate(refPointer),
      pointer: refPointer,
      hint: 'move the reference into a schema, parameter, response or path item, where sdkgen can bundle it',
    });
  }
  const target = fragmentToPointer(ref);
  if (!resolvePointer(document, parsePointer(target)).found) {
    throw new InputError(`unresolvable $ref "${ref}": nothing at ${target || '/'} in this document`, {
      location: locate(refPointer),
      pointer: refPointer,
      hint: nearbyHint(document, target),
    });
  }
}

/** "did you mean Pet?" when the last segment is a near-miss of an existing sibling key. */
function nearbyHint(document: unknown, target: string): string {
  const segments = parsePointer(target);
  const parent = resolvePointer(document, segments.slice(0, -1));
  const missing = segments[segments.length - 1];
  if (parent.found && isObject(parent.value) && missing !== undefined) {
    const siblings = Object.keys(parent.value);
    const close = closestName(missing, siblings, (name) => withinEditDistance(name, missing, 2));
    if (close !== undefined) return `did you mean '#${target.slice(0, target.lastIndexOf('/') + 1)}${close}'?`;
  }
  return 'fix the reference, or add the missing definition';
}
