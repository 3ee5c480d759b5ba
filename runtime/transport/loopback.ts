/** Loopback detection: plain http is acceptable for credentials only to hosts on this machine. */

const LOOPBACK_IPV4 = /^127(?:\.\d{1,3}){3}$/;

/** True for hosts that never leave the machine: plain http to them cannot be sniffed in transit. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    LOOPBACK_IPV4.test(host) ||
    host === '[::1]' ||
    host === '::1'
  );
}
