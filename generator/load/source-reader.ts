/**
 * Reads the files (and, only when allowed, URLs) a spec is made of, each parsed once.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { InputError, type SourceLocation } from '../types.js';
import { displayPath } from './display-path.js';
import { parseSource, type ParsedSource } from './parse.js';

export function isRemoteId(id: string): boolean {
  return /^https?:\/\//i.test(id);
}

export class SourceReader {
  private readonly cache = new Map<string, Promise<ParsedSource>>();

  /**
   * @param options.refRoot  local files a spec may reference must lie inside this folder (real
   *   paths, symlinks resolved): a hostile spec must not pull `~/.aws/credentials` or `/etc/...`
   *   into a generated package that then gets published.
   */
  constructor(private readonly options: { readonly allowRemoteRefs: boolean; readonly refRoot: string }) {}

  get allowRemoteRefs(): boolean {
    return this.options.allowRemoteRefs;
  }

  /**
   * `id` is an absolute path or URL. `referencedFrom` is the `$ref` that pointed here, so a
   * missing file is reported where the reference is written; absent for the entry file.
   */
  read(id: string, referencedFrom?: SourceLocation): Promise<ParsedSource> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = isRemoteId(id) ? this.readRemote(id) : this.readConfined(id, referencedFrom);
      this.cache.set(id, pending);
    }
    return pending;
  }

  private async readConfined(path: string, referencedFrom: SourceLocation | undefined): Promise<ParsedSource> {
    // The entry file itself is whatever the user named; only what it references is confined.
    if (referencedFrom !== undefined) {
      const [real, root] = await Promise.all([
        realpath(path).catch(() => path),
        realpath(this.options.refRoot).catch(() => this.options.refRoot),
      ]);
      const inside = relative(root, real);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        throw new InputError(
          `$ref reaches ${displayPath(path)}, outside the folder specs may read (${displayPath(root)})`,
          {
            location: referencedFrom,
            hint: "move the referenced file under the spec's folder, or pass --ref-root <dir> to allow a wider folder (only for specs you trust)",
          },
        );
      }
    }
    return readLocal(path, referencedFrom);
  }

  private async readRemote(url: string): Promise<ParsedSource> {
    // Loaded on first use: remote refs are opt-in, and undici costs ~80 ms of every other run.
    const { fetchRemoteText } = await import('./remote.js');
    return parseSource(await fetchRemoteText(url), url);
  }
}

async function readLocal(path: string, referencedFrom: SourceLocation | undefined): Promise<ParsedSource> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError(`${displayPath(path)} is a folder, not a spec file`, {
        location: referencedFrom,
        hint: 'point at the OpenAPI file itself, e.g. openapi.yaml inside that folder',
      });
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(`file not found: ${displayPath(path)}`, {
        location: referencedFrom,
        hint: referencedFrom
          ? '$ref paths are relative to the file that contains them; check the path and its case'
          : 'check the path; pass the spec as `sdkgen generate <spec>` or set `spec:` in sdkgen.config.yaml',
      });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError(`cannot read ${displayPath(path)}: permission denied`, {
        location: referencedFrom,
        hint: 'make the file readable by the user running sdkgen',
      });
    }
    throw error;
  }
  return parseSource(text, path);
}
