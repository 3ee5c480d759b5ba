/**
 * Reads the files (and, only when allowed, URLs) a spec is made of, each parsed once.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError, type SourceLocation } from '../types.js';
import { displayPath } from './display-path.js';
import { parseSource, type ParsedSource } from './parse.js';
import { fetchRemoteText } from './remote.js';

export function isRemoteId(id: string): boolean {
  return /^https?:\/\//i.test(id);
}

export class SourceReader {
  private readonly cache = new Map<string, Promise<ParsedSource>>();

  constructor(private readonly options: { readonly allowRemoteRefs: boolean }) {}

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
      pending = isRemoteId(id) ? this.readRemote(id) : readLocal(id, referencedFrom);
      this.cache.set(id, pending);
    }
    return pending;
  }

  private async readRemote(url: string): Promise<ParsedSource> {
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
