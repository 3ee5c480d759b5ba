/**
 * src/index.node.ts and src/functions.node.ts: the package's Node entries (package.json
 * "exports" conditions `node`, `deno`, `bun`, and `main`). Each loads the runtime's Node features
 * first (undici, node:fs uploads and downloads, MD5: runtime/node.ts) and re-exports the
 * platform-neutral entry beside it, which is what browsers and workers load (docs/platforms.md).
 */
import { GENERATED_HEADER, stringLiteral } from './escape.js';

/** The Node-features import: the vendored runtime's, or the runtime package's `node.js`. */
export function nodeFeaturesImport(runtimeImport: string): string {
  return runtimeImport.endsWith('/index.js')
    ? runtimeImport.replace(/index\.js$/, 'node.js')
    : `${runtimeImport}/node.js`;
}

export function emitNodeEntry(neutralEntry: './index.js' | './functions.js', runtimeImport: string): string {
  return [
    GENERATED_HEADER.trimEnd(),
    "// The Node entry (Node, Deno, Bun): the runtime's Node features first, then the same exports as",
    `// ${neutralEntry.slice(2)}, the entry browsers and workers load.`,
    `import ${stringLiteral(nodeFeaturesImport(runtimeImport))};`,
    `export * from ${stringLiteral(neutralEntry)};`,
    '',
  ].join('\n');
}
