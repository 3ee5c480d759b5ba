/**
 * The name of an error's class as the runtime exports it, for `err.name`, stats and logs. Not
 * `constructor.name` alone: minifiers rename classes (esbuild --minify made NotFoundError `u` in
 * a browser bundle), while the keys of a module namespace are export names and survive bundling.
 * A class that is not the runtime's (a caller's subclass, a TypeError) keeps its own name.
 */
import { SdkError } from './base.js';
import * as failureClasses from './failures.js';
import * as httpClasses from './http.js';

const EXPORTED_NAMES: ReadonlyMap<unknown, string> = new Map(
  Object.entries({ SdkError, ...httpClasses, ...failureClasses }).map(([name, value]) => [value, name]),
);

export function errorClassName(ctor: abstract new (...args: never[]) => unknown): string {
  return EXPORTED_NAMES.get(ctor) ?? ctor.name;
}
