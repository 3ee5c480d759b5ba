/**
 * Transparent response decompression with node:zlib streams (never buffering the whole body).
 * We advertise `gzip, br` (constants.ACCEPT_ENCODING); deflate is decoded too because servers
 * send it unasked. A body cut short fails the decoder ("unexpected end of file") instead of
 * silently yielding a truncated download.
 */
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export function decodeContentEncoding(body: Readable, contentEncoding: string | string[] | undefined): Readable {
  if (contentEncoding === undefined) return body;
  const coding = (Array.isArray(contentEncoding) ? contentEncoding.join(',') : contentEncoding).trim().toLowerCase();
  if (coding === '' || coding === 'identity') return body;
  let decoder: Readable & NodeJS.WritableStream;
  if (coding === 'gzip' || coding === 'x-gzip') decoder = createGunzip();
  else if (coding === 'br') decoder = createBrotliDecompress();
  else if (coding === 'deflate') decoder = createInflate();
  else return body; // unknown or stacked codings: hand over as sent rather than guess
  // pipeline forwards errors both ways and destroys the source when the decoder is destroyed
  // (a read timeout or abort on the decoded stream releases the socket).
  return pipeline(body, decoder, noop) as unknown as Readable;
}

function noop(): void {}
