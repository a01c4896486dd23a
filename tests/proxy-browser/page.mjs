// A browser preview's wx calls through the dev proxy mounted in the dev server that
// serves this page (`createWx({ proxy: '/__wxnet' })`); publishes what the
// callbacks saw on window.__result (`?proxy=` points it at a standalone proxy instead). The listed host is api.example.test; the proxy
// maps it to the test's backend.
import { init, createWx } from '/pkg/browser.mjs';
import { installWx } from '/pkg/h5.mjs';

const API = 'https://api.example.test';

function settle(api, option) {
  return new Promise((resolve) => {
    api({ ...option, success: (res) => resolve({ ok: true, res }), fail: (res) => resolve({ ok: false, res }) });
  });
}

async function run() {
  await init();
  document.cookie = 'browser-jar=1; path=/'; // the browser's own cookie for the dev server: the proxy must drop it
  // The dev server's own mount, or a standalone `wxnet proxy` on another origin (`?proxy=`).
  const proxy = new URLSearchParams(location.search).get('proxy') ?? '/__wxnet';
  const { wx, runtime } = createWx({ proxy, appid: 'wx0123456789abcdef' });
  const echo = await settle(wx.request, { url: `${API}/echo?from=page`, header: { cookie: 'token=from-code' } });
  const unlisted = await settle(wx.request, { url: 'https://unlisted.example.test/echo' });
  const redirectAway = await settle(wx.request, { url: `${API}/redirect-away` });
  const filePath = await runtime.fileStore.save(new Uint8Array(2048).fill(3), { extension: '.png' });
  const upload = await settle(wx.uploadFile, { url: `${API}/upload`, filePath, name: 'file', formData: { k: 'v' } });
  const download = await settle(wx.downloadFile, { url: `${API}/download` });
  const socket = await new Promise((resolve) => {
    const task = wx.connectSocket({ url: 'wss://api.example.test/live', protocols: ['chat'], header: { cookie: 'ws=1' } });
    task.onOpen(() => task.send({ data: 'hi' }));
    task.onMessage(({ data }) => { resolve({ message: data }); task.close({}); });
    task.onError((error) => resolve({ error: error.errMsg }));
  });
  // A uni-style object patched by installWx, with the proxy at its default path unless the page was pointed elsewhere.
  const uni = { $on() {}, request() { throw new Error('the original ran'); }, uploadFile() {}, downloadFile() {}, connectSocket() {} };
  installWx(uni, { appid: 'wx0123456789abcdef', ...(proxy === '/__wxnet' ? {} : { proxy }) });
  const viaUni = await uni.request({ url: `${API}/echo?from=uni` });
  const refusedSocket = await new Promise((resolve) => {
    const task = wx.connectSocket({ url: 'wss://unlisted.example.test/' });
    task.onOpen(() => resolve({ opened: true }));
    task.onError((error) => resolve({ error: error.errMsg }));
  });
  return {
    echo: { errMsg: echo.res.errMsg, statusCode: echo.res.statusCode, data: echo.res.data, cookies: echo.res.cookies, wireHeaders: Object.keys(echo.res.header ?? {}).filter((n) => n.startsWith('x-wxnet-')) },
    unlisted: unlisted.res,
    redirectAway: redirectAway.res,
    upload: { errMsg: upload.res.errMsg, sent: JSON.parse(upload.res.data ?? 'null') },
    download: { errMsg: download.res.errMsg, dataLength: download.res.dataLength },
    socket,
    refusedSocket,
    uni: { errMsg: viaUni.errMsg, referer: viaUni.data.referer, path: viaUni.data.path },
    pageOrigin: location.origin,
  };
}

run().then((result) => { window.__result = result; }, (error) => { window.__error = String(error?.stack ?? error); });
