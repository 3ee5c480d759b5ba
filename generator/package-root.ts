/**
 * Where sdkgen's own files are (templates/, runtime/, package.json). The same modules run from
 * source (generator/*.ts through tsx) and compiled (dist/generator/*.js, the installed CLI), at
 * different depths, so walk up from here to sdkgen's package.json instead of counting `../`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'sdkgen';

function findPackage(): { readonly root: string; readonly version: string } {
  let dir = import.meta.dirname;
  for (;;) {
    const manifestPath = join(dir, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME)
        return { root: dir, version: typeof manifest.version === 'string' ? manifest.version : '0.0.0' };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${import.meta.dirname}`);
    dir = parent;
  }
}

const sdkgenPackage = findPackage();

/** The folder holding sdkgen's package.json, templates/ and runtime/. */
export const SDKGEN_ROOT = sdkgenPackage.root;
/** sdkgen's version, for --version and a package-mode runtime dependency. */
export const SDKGEN_VERSION = sdkgenPackage.version;
