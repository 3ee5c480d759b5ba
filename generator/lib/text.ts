/**
 * Small text helpers shared by generator stages. Part of generator/lib/: imports nothing of the generator.
 */

/** `1 file`, `2 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * `pet-store.v2` -> `PetStoreV2`: split at anything not a letter or digit, first letter of each
 * piece upper-cased, the rest kept as written (`PETs_list` -> `PETsList`). Not change-case's
 * pascalCase, which lower-cases the rest of each word and puts `_` before a piece starting with a
 * digit: bundled component names must stay as they were.
 */
export function capitalizeWords(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
