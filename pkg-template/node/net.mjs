// The TCP transport of createWx in Node: node:net's connect({ host, port, noDelay })
// (wx/socket/tcp.mjs uses the net.Socket events and write/destroy).
import net from 'node:net';

export const nodeTcp = { connect: (options) => net.connect(options) };
