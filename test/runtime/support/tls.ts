/**
 * A private CA and a server certificate for 127.0.0.1, for the TLS tests that need no client
 * certificate: the server half of the throwaway PKI in pki.ts (one openssl recipe for both).
 */
import { makePki } from './pki.js';

export interface TestCertificates {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

export function makeCertificates(): TestCertificates {
  const { ca, server } = makePki();
  return { ca, cert: server.cert, key: server.key };
}
