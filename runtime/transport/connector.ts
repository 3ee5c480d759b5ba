/**
 * undici's connector with a precise connect timeout.
 *
 * undici times connects with its "fast timers", which tick every ~500 ms: a 300 ms connect
 * timeout fires after about a second. We build undici's connector with its timer off and run
 * one native timer per connection attempt instead (precise to 50 ms). The timer covers
 * TCP and the TLS handshake: undici calls back on 'secureConnect' for https.
 */
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { PreciseTimer } from './precise-timer.js';
import { watchLateTlsAlerts } from './late-tls-alert.js';

/** The error code undici uses for connect timeouts; classify.ts maps it to ConnectTimeoutError. */
const CONNECT_TIMEOUT_CODE = 'UND_ERR_CONNECT_TIMEOUT';

export interface ConnectorTls {
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  readonly rejectUnauthorized?: boolean;
}

export function timedConnector(timeoutMs: number, tls: ConnectorTls): buildConnector.connector {
  const connect = buildConnector({ ...(tls as buildConnector.BuildOptions), timeout: 0 });
  return (options, callback) => {
    let settled = false;
    let socket: Socket | undefined;
    const timer = new PreciseTimer(timeoutMs, () => {
      if (settled) return;
      settled = true;
      const error = Object.assign(new Error(`connect timeout after ${timeoutMs} ms`), { code: CONNECT_TIMEOUT_CODE });
      socket?.destroy();
      callback(error, null);
    });
    socket = connect(options, (error, connected) => {
      if (settled) {
        connected?.destroy();
        return;
      }
      settled = true;
      timer.clear();
      if (error) return callback(error, null);
      if (options.protocol === 'https:') watchLateTlsAlerts(connected as Socket);
      callback(null, connected!);
    }) as Socket | undefined;
  };
}
