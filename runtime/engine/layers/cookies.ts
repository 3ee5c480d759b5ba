/**
 * Hop layer: the client's cookie jar. Adds the jar's cookies for the hop's URL to the call's own
 * Cookie header, and stores the response's Set-Cookie before anything above looks at it (a
 * redirect or a digest replay then carries them).
 */
import { jarCookieHeader, storeSetCookies, type CookieStore } from '../../transport/cookie-jar.js';
import type { HopLayer } from '../types.js';

export function cookieJarLayer(jar: CookieStore): HopLayer {
  return (next) => async (hop, context) => {
    const fromJar = await jarCookieHeader(jar, hop.target.url);
    const headers =
      fromJar === undefined
        ? hop.headers
        : { ...hop.headers, cookie: hop.headers.cookie ? `${hop.headers.cookie}; ${fromJar}` : fromJar };
    const exchange = await next(headers === hop.headers ? hop : { ...hop, headers }, context);
    await storeSetCookies(jar, exchange.response.headers['set-cookie'], exchange.response.url);
    return exchange;
  };
}
