/**
 * The Node entry of the runtime: hands the shared runtime what only Node (and Deno and Bun, which
 * load the Node build) can do, through the platform seam (transport/platform.ts). Imported first
 * by the generated package's Node entries (src/index.ts, src/functions.ts); the browser/worker
 * entries (src/index.browser.ts, src/functions.browser.ts) never import it, so their bundles hold
 * no node:* or undici import. Loading it twice is harmless (the same features again).
 */
import { openAsBlob } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createPool } from './transport/dispatcher.js';
import { undiciTransport } from './transport/send.js';
import { installNodeFeatures } from './transport/platform.js';
import { downloadToFileOnNode } from './response/download-node.js';
import { installNodeDownload } from './response/download.js';
import { installNodeStreams } from './response/node-stream.js';
import type { BodySource } from './transport/body-source.js';
import { installFeatures } from './features.js';
import { allFeatures } from './features/all.js';

installNodeFeatures({
  createPool,
  undiciTransport,
  openFile: (path, type) => openAsBlob(path, type === undefined ? {} : { type }),
  hashHex: (algorithm, text) => createHash(algorithm).update(text, 'utf8').digest('hex'),
});
installNodeDownload(downloadToFileOnNode);
installNodeStreams((body: BodySource) =>
  body instanceof Readable ? body : Readable.from(body, { objectMode: false }),
);
// Node bundles are not size-bound (a server's disk): every optional feature, as before the registry.
installFeatures(allFeatures);
