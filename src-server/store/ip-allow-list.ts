/**
 * A token's IP allow-list as a matcher for the security pipeline. An empty list allows every
 * address. IPv4 clients reaching a dual-stack socket appear as `::ffff:a.b.c.d`; they are matched
 * against the IPv4 blocks, as the user wrote them.
 */
import net from 'node:net';

export function createIpAllowList(cidrs: readonly string[]): (ip: string) => boolean {
  if (cidrs.length === 0) return () => true;
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    list.addSubnet(address, Number(prefix), net.isIPv4(address) ? 'ipv4' : 'ipv6');
  }
  return (ip) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
    const address = mapped ?? ip;
    const family = net.isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
