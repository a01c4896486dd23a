// Runs the wx shim in a real browser page, against the routes of the server that
// serves this page (same origin) and a WebSocket echo server whose port is in the
// query string; publishes what the callbacks saw on window.__result.
import { init, createWx } from '/pkg/browser.mjs';

const wsPort = new URLSearchParams(location.search).get('ws');
// Listed domains end to end: the checks see api.example.test, the bytes go to this origin.
const mappedFetch = (url, options) => fetch(String(url).replace(/^https:\/\/api\.example\.test/, location.origin), options);
class MappedWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(String(url).replace(/^wss:\/\/ws\.example\.test/, `ws://127.0.0.1:${wsPort}`), protocols);
  }
}
const domains = {
  requestdomain: ['https://api.example.test'], uploaddomain: ['https://api.example.test'],
  downloaddomain: ['https://api.example.test'], wsrequestdomain: ['wss://ws.example.test'],
};
const API = 'https://api.example.test';

function call(api, option, attach = () => {}) {
  return new Promise((resolve) => {
    const seen = { success: [], fail: [], complete: [], events: [], sync: true };
    const task = api({
      ...option,
      success: (r) => seen.success.push(r), fail: (r) => seen.fail.push(r),
      complete: (r) => { seen.complete.push(r); setTimeout(() => resolve(seen), 20); },
    });
    seen.sync = seen.complete.length > 0;
    attach(task, seen);
  });
}
const summary = (seen) => ({
  success: seen.success.length, fail: seen.fail.map((r) => ({ ...r })), complete: seen.complete.length, sync: seen.sync,
});

async function main() {
  await init();
  const { wx, runtime } = createWx({ domains, appid: 'wx0123456789abcdef', refererHeader: 'X-Wxnet-Referer', fetch: mappedFetch, WebSocket: MappedWebSocket, limits: { request: 2 } });
  const result = {};

  const echo = await call(wx.request, { url: `${API}/echo`, data: { q: 'a b' } });
  result.echo = { ...summary(echo), statusCode: echo.success[0]?.statusCode, url: echo.success[0]?.data.url, errMsg: echo.success[0]?.errMsg,
    contentType: echo.success[0]?.data.headers['content-type'], referer: echo.success[0]?.data.headers.referer ?? null,
    proxyReferer: echo.success[0]?.data.headers['x-wxnet-referer'] };
  const post = await call(wx.request, { url: `${API}/echo`, method: 'POST', data: { a: 1 } });
  result.post = post.success[0]?.data.body;
  const notFound = await call(wx.request, { url: `${API}/status?code=404` });
  result.notFound = { ...summary(notFound), statusCode: notFound.success[0]?.statusCode, data: notFound.success[0]?.data };
  result.refused = summary(await call(wx.request, { url: `${location.origin}/echo` }));
  result.timeout = summary(await call(wx.request, { url: `${API}/slow?ms=3000`, timeout: 100 }));
  result.abort = summary(await call(wx.request, { url: `${API}/slow?ms=3000` }, (task) => setTimeout(() => task.abort(), 50)));
  const burst = await Promise.all([0, 1, 2].map(() => call(wx.request, { url: `${API}/slow?ms=100` })));
  result.burst = burst.map(summary);
  const bytes = await call(wx.request, { url: `${API}/bytes?n=4`, responseType: 'arraybuffer' });
  result.arraybuffer = bytes.success[0]?.data instanceof ArrayBuffer ? [...new Uint8Array(bytes.success[0].data)] : null;
  runtime.hide();
  result.hidden = summary(await call(wx.request, { url: `${API}/echo` }));
  runtime.show();
  result.shown = summary(await call(wx.request, { url: `${API}/echo` }));

  const file = new Uint8Array(200 * 1024).map((_, i) => i % 13);
  const filePath = await runtime.fileStore.save(file, { extension: '.png' });
  const upload = await call(wx.uploadFile, { url: `${API}/upload`, filePath, name: 'photo', formData: { k: 'v' } },
    (task, seen) => task.onProgressUpdate((e) => seen.events.push(e)));
  const uploaded = upload.success[0] ? JSON.parse(upload.success[0].data) : {};
  result.upload = { ...summary(upload), filePath, errMsg: upload.success[0]?.errMsg, fields: uploaded.fields, size: uploaded.files?.photo?.size, type: uploaded.files?.photo?.type, lastProgress: upload.events.at(-1) };

  const download = await call(wx.downloadFile, { url: `${API}/bytes?n=300000` }, (task, seen) => task.onProgressUpdate((e) => seen.events.push(e)));
  const saved = download.success[0] ? await runtime.fileStore.read(download.success[0].tempFilePath) : new Uint8Array();
  result.download = { ...summary(download), tempFilePath: download.success[0]?.tempFilePath, statusCode: download.success[0]?.statusCode, size: saved.length, allSevens: saved.every((b) => b === 7), lastProgress: download.events.at(-1) };
  result.downloadRefused = summary(await call(wx.downloadFile, { url: 'https://cdn.example.test/a.png' }));

  const socket = wx.connectSocket({ url: 'wss://ws.example.test/live' });
  const socketLog = [];
  await new Promise((resolve) => socket.onOpen(resolve));
  socket.onMessage((e) => socketLog.push(typeof e.data === 'string' ? e.data : [...new Uint8Array(e.data)]));
  socket.send({ data: 'hi' });
  socket.send({ data: new Uint8Array([9, 8]).buffer });
  while (socketLog.length < 2) await new Promise((r) => setTimeout(r, 10));
  const closed = new Promise((resolve) => socket.onClose(resolve));
  socket.close({ code: 4000, reason: 'bye' });
  result.socket = { messages: socketLog, close: await closed, inFlight: runtime.inFlight().connectSocket };
  const refusedSocket = await new Promise((resolve) => wx.connectSocket({ url: `ws://127.0.0.1:${wsPort}/`, fail: resolve }));
  result.socketRefused = { ...refusedSocket };
  // Redirects judged as the phone sees them: upstreams maps the listed origin to this
  // server and back, so a same-server 302 (relative or absolute) stays on the listed host.
  const mapped = createWx({ domains, upstreams: { [API]: location.origin } });
  const relative = await call(mapped.wx.request, { url: `${API}/redirect?to=${encodeURIComponent('/status?code=200')}` });
  const absolute = await call(mapped.wx.request, { url: `${API}/redirect?to=${encodeURIComponent(`${location.origin}/status?code=201`)}` });
  result.redirects = [relative, absolute].map((seen) => ({ ...summary(seen), statusCode: seen.success[0]?.statusCode, errMsg: seen.success[0]?.errMsg }));
  result.connect = summary(await call(mapped.wx.request, { url: `${API}/echo`, method: 'CONNECT' }));
  result.trace = summary(await call(mapped.wx.request, { url: `${API}/echo`, method: 'TRACE' }));
  // UDP and TCP exist in a browser but fail with an errMsg naming it (nothing is sent).
  const lan = createWx({ lan: { ip: '10.77.0.1' } }).wx;
  const udp = lan.createUDPSocket();
  const tcp = lan.createTCPSocket();
  const rawSockets = { udp: [], tcp: [] };
  udp.onError((e) => rawSockets.udp.push(e.errMsg));
  tcp.onError((e) => rawSockets.tcp.push(e.errMsg));
  rawSockets.bindPort = udp.bind(40000);
  udp.send({ address: '10.77.0.2', port: 40000, message: 'x' });
  tcp.connect({ address: '10.77.0.2', port: 40000 });
  tcp.connect({ address: '10.77.0.2', port: 3306 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  result.rawSockets = rawSockets;
  result.discovery = await new Promise((resolve) => lan.startLocalServiceDiscovery({ serviceType: '_http._tcp.', fail: resolve, success: resolve }));
  try {
    createWx({ manualRedirects: true });
    result.manualRedirects = 'accepted';
  } catch (error) {
    result.manualRedirects = error.code;
  }
  return result;
}

main().then((result) => { window.__result = result; }, (error) => { window.__error = String(error?.stack ?? error); });
