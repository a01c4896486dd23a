// UDP and TCP echo servers for the socket tests and the bench (127.0.0.1 unless told).
import dgram from 'node:dgram';
import net from 'node:net';

export async function startUdpEcho(host = '127.0.0.1') {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => socket.send(message, remote.port, remote.address));
  await new Promise((resolve) => socket.bind(0, host, resolve));
  return { port: socket.address().port, close: () => socket.close() };
}

export async function startTcpEcho(host = '127.0.0.1') {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.pipe(socket);
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return {
    port: server.address().port,
    close: () => { for (const socket of sockets) socket.destroy(); server.close(); },
  };
}
