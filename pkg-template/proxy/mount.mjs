// Mounting the dev proxy in a dev server: its middleware in front of the server's
// own, and its WebSocket upgrades on the server's HTTP server (other upgrades, such
// as Vite's HMR socket, are left to their owners).

/**
 * Vite (`configureServer(server)` of a plugin): `attachToViteServer(server, proxy)`.
 * The proxy is closed with the server.
 */
export function attachToViteServer(server, proxy) {
  server.middlewares.use(proxy);
  const httpServer = server.httpServer;
  if (httpServer) {
    httpServer.on('upgrade', (req, socket, head) => { proxy.upgrade(req, socket, head); });
    httpServer.on('close', () => proxy.close());
  }
}

/**
 * webpack-dev-server: `devServer: { setupMiddlewares: webpackDevServerSetup(proxy) }`,
 * or call it inside your own: `(middlewares, devServer) => webpackDevServerSetup(proxy)(middlewares, devServer)`.
 */
export function webpackDevServerSetup(proxy) {
  return function setupMiddlewares(middlewares, devServer) {
    middlewares.unshift({ name: 'wxnet-proxy', middleware: proxy });
    const httpServer = devServer.server;
    if (httpServer) {
      httpServer.on('upgrade', (req, socket, head) => { proxy.upgrade(req, socket, head); });
      httpServer.on('close', () => proxy.close());
    }
    return middlewares;
  };
}
