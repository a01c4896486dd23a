// mDNS in Node (RULES.md §10): the multicast transport of wx.startLocalServiceDiscovery
// and a responder that announces one service (for tests, and for developers whose
// device is not at hand). Messages are written and read by the core's DNS-SD, in the
// tools module, which is loaded on first use: `import 'wxnet'` never compiles it.
import dgram from 'node:dgram';
import os from 'node:os';
import { dnsSdAnnouncement, dnsSdBrowseEvents, dnsSdBrowseQuery, dnsSdQuestions } from '../core/tools.mjs';
import { loadToolsModule } from './load-tools-wasm.mjs';

const GROUP = '224.0.0.251';
const PORT = 5353;

/** Joins the mDNS group on port 5353 (shared with other responders); `interfaceAddress` picks the interface. */
function joinGroup(interfaceAddress, onMessage) {
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  let ready = false;
  const waiting = [];
  socket.on('error', () => {}); // a lost datagram is a missed answer, as on a phone
  socket.on('message', onMessage);
  socket.bind(PORT, () => {
    socket.addMembership(GROUP, interfaceAddress);
    if (interfaceAddress) socket.setMulticastInterface(interfaceAddress);
    socket.setMulticastLoopback(true);
    ready = true;
    for (const bytes of waiting.splice(0)) socket.send(bytes, PORT, GROUP);
  });
  return {
    send(bytes) {
      if (ready) socket.send(bytes, PORT, GROUP);
      else waiting.push(bytes);
    },
    close() { try { socket.close(); } catch { /* closed */ } },
  };
}

/**
 * The transport createWx uses in Node: `open(serviceType, onEvents)` browses one service
 * type -> `{ query(), close() }`; `onEvents` gets what each received message means
 * (`[{ type: 'found' | 'lost' | 'resolveFail', serviceName, ip?, port? }]`).
 */
export function nodeMdns(interfaceAddress) {
  return {
    open(serviceType, onEvents) {
      loadToolsModule();
      const query = dnsSdBrowseQuery(serviceType);
      const group = joinGroup(interfaceAddress, (bytes) => onEvents(dnsSdBrowseEvents(bytes, serviceType)));
      return { query: () => group.send(query), close: () => group.close() };
    },
  };
}

/**
 * Announces `{ name, serviceType, port, ip?, host? }` on the LAN: at once, and in
 * answer to every query for its type. `stop()` sends the goodbye (TTL 0) and closes.
 * `ip` defaults to this machine's first non-internal IPv4 address.
 */
export function startMdnsResponder({ name, serviceType, port, ip = firstIpv4(), host = `${os.hostname()}.local`, ttl = 120 }) {
  loadToolsModule();
  const announcement = (seconds) => dnsSdAnnouncement(name, serviceType, host, ip, port, seconds);
  const hello = announcement(ttl); // throws WxnetError for a bad name, type or ip, before any I/O
  const domain = `${serviceType.replace(/\.$/, '')}.local`.toLowerCase();
  const group = joinGroup(ip, (bytes) => {
    if (dnsSdQuestions(bytes).includes(domain)) group.send(hello);
  });
  group.send(hello);
  return {
    announce: () => group.send(hello),
    stop() {
      group.send(announcement(0));
      return new Promise((resolve) => setTimeout(() => { group.close(); resolve(); }, 50));
    },
  };
}

function firstIpv4() {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const entry of addresses ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return '127.0.0.1';
}
