/** Writing many files under one folder, several at a time (write.ts's staging step). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Files written at once: one at a time left the process idle between each file's round trip to
 * libuv's thread pool (GitHub's 170 files); a bound keeps a huge SDK from opening thousands of
 * files together.
 */
const WRITE_CONCURRENCY = 16;

/**
 * Writes the entries under `root`: folders first (in order), then the files, several at a time.
 * On a failure the workers stop taking files and all of them finish before the first error is
 * thrown, so the caller's rollback never races a write still in flight.
 */
export async function writeAll(root: string, entries: readonly [string, string][]): Promise<void> {
  const files = entries.map(([path, content]): [string, string] => [join(root, ...path.split('/')), content]);
  for (const dir of [...new Set(files.map(([file]) => dirname(file)))].sort()) await mkdir(dir, { recursive: true });
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < files.length) {
      const [file, content] = files[next++]!;
      try {
        await writeFile(file, content);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
  if (failure !== undefined) throw failure.error;
}
