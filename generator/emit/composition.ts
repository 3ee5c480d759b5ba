/**
 * What a composition says beyond its members' own types (docs/types.md):
 * - a `discriminator` on oneOf/anyOf fixes the tag property of each `$ref` member to its value
 *   (the mapping's key, else the component's name), so `switch (pet.petType)` narrows even when
 *   the members declare the property as a plain `string`;
 * - a `required` list beside allOf names properties that the parts declare as optional
 *   (`Cause: allOf: [PlaidError, {...}], required: [item_id]`): those become required.
 */
import { isObject, type JsonObject } from '../lib/json-pointer.js';
import type { RefResolver } from '../model/refs.js';

/** How deep allOf parts are followed to find a property's schema (cycles stop here too). */
const MAX_ALLOF_HOPS = 32;

/** The discriminator's property and the values that select `member`, or undefined when none apply. */
export function discriminatorValues(
  composition: JsonObject,
  member: unknown,
  refs: RefResolver,
): { property: string; values: string[] } | undefined {
  const discriminator = composition.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
  if (!isObject(member) || typeof member.$ref !== 'string') return undefined;
  const property = discriminator.propertyName;
  const ref = member.$ref;
  const componentName = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const mapped = Object.keys(mapping).filter((value) => {
    const target = mapping[value];
    return target === ref || (componentName !== undefined && target === componentName);
  });
  if (mapped.length > 0) return { property, values: mapped };
  // Without a mapping entry the value is the component's name (OpenAPI 3, "implicit mapping").
  const mappedElsewhere = Object.values(mapping).some((t) => t === ref || t === componentName);
  return componentName !== undefined && !mappedElsewhere ? { property, values: [componentName] } : undefined;
}

/**
 * Does the member already require the property and pin it to one value (`const`, or a one-value
 * `enum`)? Then its own type narrows. pydantic declares the tag with a default and not required
 * (`kind: Literal['paper'] = 'paper'`), yet its discriminated union rejects a value without it:
 * such a member still gets the tag added, which makes it required.
 */
export function pinsTag(member: unknown, property: string): boolean {
  if (!isObject(member) || !isObject(member.properties)) return false;
  const schema = member.properties[property];
  const required = Array.isArray(member.required) && member.required.includes(property);
  return (
    required &&
    isObject(schema) &&
    (schema.const !== undefined || (Array.isArray(schema.enum) && schema.enum.length === 1))
  );
}

/**
 * Names in the schema's own `required` that only its allOf parts declare, with their schemas
 * (the first part declaring each wins, as in the members' order).
 */
export function requiredFromAllOfParts(schema: JsonObject, refs: RefResolver): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (!Array.isArray(schema.allOf) || !Array.isArray(schema.required)) return found;
  const own = isObject(schema.properties) ? schema.properties : {};
  const wanted = new Set(schema.required.filter((r): r is string => typeof r === 'string' && !(r in own)));
  const visit = (node: unknown, hops: number): void => {
    if (hops > MAX_ALLOF_HOPS || wanted.size === found.size) return;
    const s = refs.resolve(node, '').value;
    if (!isObject(s)) return;
    if (isObject(s.properties))
      for (const name of wanted) if (!found.has(name) && name in s.properties) found.set(name, s.properties[name]);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part, hops + 1);
  };
  for (const part of schema.allOf) visit(part, 1);
  return found;
}
