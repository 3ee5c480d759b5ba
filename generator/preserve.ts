/**
 * `preserve:` globs: paths in the output that belong to the user even when sdkgen generates a file
 * there. Matched with picomatch (the matcher behind micromatch, fast-glob and tinyglobby): Node's
 * own path.matchesGlob is still experimental on Node 20 and prints a warning on every run.
 */
import picomatch from 'picomatch';

/** `dot`: `.env.local` or `.github/**` are matched like any other file, as users expect. */
const MATCH_OPTIONS = { dot: true } as const;

export type PathMatcher = (relativePosixPath: string) => boolean;

export function preserveMatcher(globs: readonly string[] | undefined): PathMatcher {
  if (!globs || globs.length === 0) return () => false;
  const matchers = globs.map((glob) => picomatch(glob, MATCH_OPTIONS));
  return (path) => matchers.some((matches) => matches(path));
}
