/** The addresses other machines on the LAN can use to reach a server listening on every interface. */
import os from 'node:os';

export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv4') urls.push(`http://${a.address}:${port}`);
      else if (!a.address.startsWith('fe80:')) urls.push(`http://[${a.address}]:${port}`);
    }
  }
  return urls;
}
