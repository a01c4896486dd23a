// The UDP transport of createWx in Node: node:dgram itself (wx/socket/udp.mjs calls
// createSocket(type) and the dgram.Socket methods bind, send, connect, setTTL,
// setBroadcast, address, close).
import dgram from 'node:dgram';

export const nodeUdp = { createSocket: (type) => dgram.createSocket(type) };
