// Child process of tests/wx-https.test.mjs. Node reads NODE_EXTRA_CA_CERTS only at
// start-up, so the HTTPS checks run here, with the test CA trusted (or not), and
// print what the wx callbacks saw as JSON on stdout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createWx, nodeFetch } from '../../pkg/node.mjs';
import { mappedFetch, mappedWebSocket, startHttpsServer } from './wx-servers.mjs';

const dir = process.env.WXNET_CERT_DIR;
const server = await startHttpsServer({ cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server.key')) });
const listed = ['https://api.example.test'];
const { wx, runtime } = createWx({
  domains: { requestdomain: listed, uploaddomain: listed, downloaddomain: listed, wsrequestdomain: ['wss://api.example.test'] },
  appid: 'wx0123456789abcdef',
  version: 3,
  fetch: mappedFetch(server.origin, 'api.example.test', [], nodeFetch), // the Node entry's default transport
  WebSocket: mappedWebSocket(WebSocket, server.wsOrigin),
});

const call = (api, option) => new Promise((resolve) => {
  const seen = { success: [], fail: [] };
  api({ ...option, success: (r) => seen.success.push(r), fail: (r) => seen.fail.push(r), complete: () => setTimeout(() => resolve(seen), 10) });
});

const result = {};
const echo = await call(wx.request, { url: 'https://api.example.test/echo?x=1', method: 'POST', data: { a: 1 } });
result.request = echo.success[0]
  ? { statusCode: echo.success[0].statusCode, url: echo.success[0].data.url, body: echo.success[0].data.body, referer: echo.success[0].data.headers.referer, errMsg: echo.success[0].errMsg }
  : { fail: echo.fail };
result.unlisted = (await call(wx.request, { url: 'https://evil.example.test/echo' })).fail;
result.port = (await call(wx.request, { url: 'https://api.example.test:443/echo' })).fail;

if (!echo.success[0]) {
  process.stdout.write(JSON.stringify(result));
  await server.close();
  process.exit(0);
}

const filePath = await runtime.fileStore.save(new Uint8Array(5000).fill(3), { extension: '.jpg' });
const upload = await call(wx.uploadFile, { url: 'https://api.example.test/upload', filePath, name: 'img', formData: { k: 'v' } });
const uploaded = JSON.parse(upload.success[0].data);
result.upload = { errMsg: upload.success[0].errMsg, fields: uploaded.fields, size: uploaded.files.img.size, referer: uploaded.headers.referer };
const download = await call(wx.downloadFile, { url: 'https://api.example.test/bytes?n=7000' });
result.download = { errMsg: download.success[0].errMsg, size: (await runtime.fileStore.read(download.success[0].tempFilePath)).length };

const socket = wx.connectSocket({ url: 'wss://api.example.test/live' });
await new Promise((resolve) => socket.onOpen(resolve));
const message = new Promise((resolve) => socket.onMessage((event) => resolve(event.data)));
socket.send({ data: 'over tls' });
result.socket = { message: await message, referer: server.upgrades.at(-1).headers.referer };
const closed = new Promise((resolve) => socket.onClose(resolve));
socket.close({ code: 1000, reason: 'done' });
result.socket.close = await closed;

process.stdout.write(JSON.stringify(result));
await server.close();
