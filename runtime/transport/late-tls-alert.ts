/**
 * TLS alerts that arrive after the handshake, kept so the error a call raises can say so.
 *
 * Under TLS 1.3 a server that requires a client certificate (mTLS) rejects it after the client
 * has finished its handshake: the client sends the request, then reads an alert
 * (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED). undici reports only "other side closed"
 * (UND_ERR_SOCKET), which looks like a transient reset and would be retried. The connector
 * records the alert by the socket's local address; classify.ts looks it up from the socket info
 * undici attaches to its SocketError and raises TlsError (never retried) instead.
 */
import type { Socket } from 'node:net';

/** Alerts remembered at most: entries are taken on lookup; this only bounds ones nobody asked for. */
const MAX_REMEMBERED = 64;

const alerts = new Map<string, Error>();

function keyOf(address: string | undefined, port: number | undefined): string | undefined {
  return address === undefined || port === undefined ? undefined : `${address}:${port}`;
}

/** Called by the connector for every connected TLS socket. */
export function watchLateTlsAlerts(socket: Socket): void {
  // Read now: after close, localAddress/localPort are gone.
  const key = keyOf(socket.localAddress, socket.localPort);
  if (key === undefined) return;
  socket.on('error', (error: Error & { code?: unknown }) => {
    if (typeof error.code !== 'string' || !error.code.startsWith('ERR_SSL_')) return;
    alerts.delete(key);
    alerts.set(key, error);
    if (alerts.size > MAX_REMEMBERED) alerts.delete(alerts.keys().next().value!);
  });
}

/** The TLS alert behind an undici SocketError, if its socket got one (taken: asked once). */
export function takeLateTlsAlert(error: unknown): Error | undefined {
  const info = (error as { socket?: { localAddress?: string; localPort?: number } } | null)?.socket;
  const key = keyOf(info?.localAddress, info?.localPort);
  if (key === undefined) return undefined;
  const alert = alerts.get(key);
  alerts.delete(key);
  return alert;
}
