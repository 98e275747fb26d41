/** The caller's IP as allow-lists and throttles see it: IPv4-mapped IPv6 (`::ffff:10.0.0.5`) unwrapped. */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';

export function clientAddress(req: IncomingMessage): string {
  // No proxy is trusted: the app talks to clients directly (desktop or LAN), so X-Forwarded-For is ignored.
  const raw = req.socket.remoteAddress ?? '';
  return raw.startsWith('::ffff:') && net.isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
}

export function isLoopback(address: string): boolean {
  return address === '::1' || (net.isIPv4(address) && address.startsWith('127.'));
}
