/**
 * Fetching a remote `$ref`, only ever with --allow-remote-refs: generation must be reproducible
 * from the files in the repository, so the network is opt-in and bounded.
 */
import { request } from 'undici';
import { InputError } from '../types.js';

/** A schema host that has not answered in this time is down; generation must not hang in CI. */
export const REMOTE_REF_TIMEOUT_MS = 15_000;
/** Far above any real spec fragment (GitHub's whole spec is ~12 MB), low enough to stop a runaway body. */
export const REMOTE_REF_MAX_BYTES = 32 * 1024 * 1024;

export async function fetchRemoteText(url: string): Promise<string> {
  let response;
  try {
    response = await request(url, {
      method: 'GET',
      headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5' },
      headersTimeout: REMOTE_REF_TIMEOUT_MS,
      bodyTimeout: REMOTE_REF_TIMEOUT_MS,
      signal: AbortSignal.timeout(REMOTE_REF_TIMEOUT_MS),
    });
  } catch (error) {
    throw new InputError(`cannot fetch remote $ref ${url}: ${(error as Error).message}`, {
      hint: 'check the URL and your network, or download the file and reference it by a relative path',
    });
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    await response.body.dump();
    throw new InputError(`cannot fetch remote $ref ${url}: HTTP ${response.statusCode}`, {
      hint: 'check the URL, or download the file and reference it by a relative path',
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > REMOTE_REF_MAX_BYTES) {
      response.body.destroy();
      throw new InputError(`remote $ref ${url} is larger than ${REMOTE_REF_MAX_BYTES} bytes`, {
        hint: 'download the file and reference it by a relative path',
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
