// createWx({ lan: 'auto' }) in Node: the phone's LAN is this machine's first private
// IPv4 interface (RULES.md §2).
import os from 'node:os';

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** `{ ip, netmask }` of the first private IPv4 interface, or undefined when there is none. */
export function autoLan(interfaces = os.networkInterfaces()) {
  for (const addresses of Object.values(interfaces)) {
    for (const entry of addresses ?? []) {
      const v4 = entry.family === 'IPv4' || entry.family === 4;
      if (v4 && !entry.internal && PRIVATE.some((range) => range.test(entry.address))) {
        return { ip: entry.address, netmask: entry.netmask };
      }
    }
  }
  return undefined;
}
