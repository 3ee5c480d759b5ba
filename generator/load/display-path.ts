/**
 * How a file appears in messages: relative to the working directory when it is inside it (short,
 * and the same on every machine), absolute otherwise. URLs are printed as they are.
 */
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(fileOrUrl: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(fileOrUrl)) return fileOrUrl;
  const fromCwd = relative(cwd, fileOrUrl);
  if (fromCwd === '') return '.';
  if (fromCwd.startsWith('..') || isAbsolute(fromCwd)) return fileOrUrl;
  return fromCwd.split(sep).join('/');
}
