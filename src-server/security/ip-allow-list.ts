/** A token's IP allow-list (CIDR, IPv4 and IPv6) as a node BlockList, built once per token. */
import net from 'node:net';

/** Parses `10.0.0.0/8`, `192.168.1.7`, `fd00::/8`, `::1`; throws with the bad entry named. */
export function buildAllowList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.trim().split('/');
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
    if (family === null) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (bits === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const prefix = Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 'ipv4' ? 32 : 128)) {
      throw new Error(`"${entry}" has an invalid prefix length`);
    }
    list.addSubnet(address, prefix, family);
  }
  return list;
}

export function isAllowed(list: net.BlockList, address: string): boolean {
  if (net.isIPv4(address)) return list.check(address, 'ipv4');
  if (net.isIPv6(address)) return list.check(address, 'ipv6');
  return false;
}
