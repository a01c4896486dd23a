// wx.uploadFile and wx.downloadFile against a real HTTP server on 127.0.0.1, with the
// Node entry's temp-directory file store and with an injected in-memory store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWx, createMemoryFileStore, createNodeFileStore } from '../pkg/node.mjs';
import { startHttpServer } from './helpers/wx-servers.mjs';

let server;
before(async () => { server = await startHttpServer(); });
after(() => server.close());

function run(api, option, attach = () => {}) {
  return new Promise((resolve) => {
    const seen = { success: [], fail: [], complete: [], events: [] };
    const task = api({
      ...option,
      success: (res) => seen.success.push(res),
      fail: (res) => seen.fail.push(res),
      complete: (res) => { seen.complete.push(res); setTimeout(() => resolve(seen), 20); },
    });
    attach(task, seen);
  });
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

test('rule 9: uploadFile sends a multipart POST with the file under name and the formData fields', async () => {
  const { wx, runtime } = createWx({ urlCheck: false, appid: 'wx0123456789abcdef' });
  const file = new Uint8Array(300 * 1024).map((_, i) => i % 251);
  const filePath = await runtime.fileStore.save(file, { extension: '.png' });
  assert.match(filePath, /^wxfile:\/\/tmp_[0-9a-f]+\.png$/);
  const seen = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath, name: 'photo', formData: { user: 'ann', n: 3 }, header: { Referer: 'dropped', 'X-A': '1' } });
  assert.equal(seen.fail.length, 0, seen.fail[0]?.errMsg);
  const result = seen.success[0];
  assert.equal(result.errMsg, 'uploadFile:ok');
  assert.equal(result.statusCode, 200);
  assert.equal(typeof result.data, 'string', 'uploadFile data is the response text');
  const echoed = JSON.parse(result.data);
  assert.equal(echoed.method, 'POST');
  assert.match(echoed.headers['content-type'], /^multipart\/form-data; boundary=/);
  assert.equal(echoed.headers.referer, 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
  assert.equal(echoed.headers['x-a'], '1');
  assert.deepEqual(echoed.fields, { user: 'ann', n: '3' });
  assert.equal(echoed.files.photo.size, file.length);
  assert.equal(echoed.files.photo.sha256, sha256(file));
  assert.equal(echoed.files.photo.type, 'image/png');
});

test('rule 9: UploadTask reports progress, totalBytesSent and totalBytesExpectedToSend up to 100', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const filePath = await runtime.fileStore.save(new Uint8Array(1024 * 1024), { extension: '.bin' });
  const seen = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath, name: 'f' },
    (task, s) => task.onProgressUpdate((event) => s.events.push(event)));
  assert.equal(seen.success.length, 1);
  const events = seen.events;
  assert.ok(events.length >= 10, `${events.length} progress events`);
  const total = events[0].totalBytesExpectedToSend;
  assert.ok(total > 1024 * 1024, 'the expected size counts the multipart framing too');
  for (let i = 1; i < events.length; i++) assert.ok(events[i].totalBytesSent > events[i - 1].totalBytesSent);
  assert.deepEqual(events.at(-1), { progress: 100, totalBytesSent: total, totalBytesExpectedToSend: total });
});

test('rule 1: uploadFile checks the uploaddomain list and a refused upload never reaches the network', async () => {
  const { wx, runtime } = createWx({ domains: { uploaddomain: ['https://up.example.test'], requestdomain: [`https://api.example.test`] } });
  const filePath = await runtime.fileStore.save(new Uint8Array(4));
  const hits = server.stats.hits;
  const seen = await run(wx.uploadFile, { url: 'https://api.example.test/upload', filePath, name: 'f' });
  assert.deepEqual(seen.fail, [{ errMsg: 'uploadFile:fail url not in domain list', errno: 600002 }]);
  assert.equal(server.stats.hits, hits);
});

test('rule 7: uploadFile parameter errors and a missing file fail without a request', async () => {
  const { wx } = createWx({ urlCheck: false });
  const params = await run(wx.uploadFile, { url: `${server.origin}/upload`, name: 'f' });
  assert.deepEqual(params.fail, [{ errMsg: 'uploadFile:fail parameter error: parameter.filePath should be String instead of Undefined;', errno: 1001 }]);
  const missing = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath: 'wxfile://tmp_missing.png', name: 'f' });
  assert.deepEqual(missing.fail, [{ errMsg: 'uploadFile:fail file not found' }]);
});

test('rule 9: downloadFile saves the body to the temp-dir store and returns tempFilePath', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const seen = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=200000&name=a.jpg` });
  const result = seen.success[0];
  assert.equal(result.errMsg, 'downloadFile:ok');
  assert.equal(result.statusCode, 200);
  assert.match(result.tempFilePath, /^wxfile:\/\/tmp_[0-9a-f]+$/);
  const onDisk = runtime.fileStore.resolve(result.tempFilePath);
  assert.ok(onDisk.startsWith(runtime.fileStore.directory));
  assert.deepEqual(readFileSync(onDisk), Buffer.alloc(200000, 7));
  assert.deepEqual(await runtime.fileStore.read(result.tempFilePath), new Uint8Array(200000).fill(7));
});

test('rule 9: downloadFile with filePath saves there and returns filePath instead of tempFilePath', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const seen = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=10`, filePath: 'wxfile://usr/saved/data.bin' });
  const result = seen.success[0];
  assert.equal(result.filePath, 'wxfile://usr/saved/data.bin');
  assert.equal(result.tempFilePath, undefined);
  assert.ok(existsSync(runtime.fileStore.resolve('wxfile://usr/saved/data.bin')));
});

test('rule 9: DownloadTask reports progress, totalBytesWritten and totalBytesExpectedToWrite', async () => {
  const { wx } = createWx({ urlCheck: false });
  const size = 3 * 1024 * 1024;
  const seen = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=${size}` },
    (task, s) => task.onProgressUpdate((event) => s.events.push(event)));
  assert.equal(seen.success.length, 1);
  assert.ok(seen.events.length >= 2);
  assert.ok(seen.events.every((e) => e.totalBytesExpectedToWrite === size));
  assert.deepEqual(seen.events.at(-1), { progress: 100, totalBytesWritten: size, totalBytesExpectedToWrite: size });
});

test('rule 7: downloadFile succeeds for a 404 (an HTTP response) and the body is still saved', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const seen = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=3&code=404` });
  assert.equal(seen.success[0].statusCode, 404);
  assert.deepEqual([...(await runtime.fileStore.read(seen.success[0].tempFilePath))], [7, 7, 7]);
});

test('rule 7: DownloadTask.abort() fails with downloadFile:fail abort; a timeout with downloadFile:fail timeout', async () => {
  const { wx } = createWx({ urlCheck: false });
  const aborted = await run(wx.downloadFile, { url: `${server.origin}/stall-body` }, (task) => setTimeout(() => task.abort(), 100));
  assert.deepEqual(aborted.fail, [{ errMsg: 'downloadFile:fail abort' }]);
  const timedOut = await run(wx.downloadFile, { url: `${server.origin}/stall-body`, timeout: 100 });
  assert.deepEqual(timedOut.fail, [{ errMsg: 'downloadFile:fail timeout' }]);
});

test('rule 6: uploadFile and downloadFile have their own counters (10 each by default)', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const filePath = await runtime.fileStore.save(new Uint8Array(8));
  const downloads = Array.from({ length: 10 }, () => run(wx.downloadFile, { url: `${server.origin}/slow?ms=150` }));
  const uploads = Array.from({ length: 10 }, () => run(wx.uploadFile, { url: `${server.origin}/upload`, filePath, name: 'f' }));
  assert.deepEqual(runtime.inFlight(), { request: 0, uploadFile: 10, downloadFile: 10, connectSocket: 0 });
  const extra = await run(wx.downloadFile, { url: `${server.origin}/slow?ms=10` });
  assert.deepEqual(extra.fail, [{ errMsg: 'downloadFile:fail exceed max task count', errno: 600007 }]);
  const results = await Promise.all([...downloads, ...uploads]);
  assert.ok(results.every((r) => r.success.length === 1));
});

test('an injected in-memory file store gives wxfile://tmp_ paths and round-trips upload and download', async () => {
  const fileStore = createMemoryFileStore();
  const { wx } = createWx({ urlCheck: false, fileStore });
  const downloaded = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=64` });
  const path = downloaded.success[0].tempFilePath;
  assert.ok(fileStore.has(path));
  const uploaded = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath: path, name: 'again' });
  assert.equal(JSON.parse(uploaded.success[0].data).files.again.sha256, sha256(Buffer.alloc(64, 7)));
});

// Paths a hostile mini program might try: absolute, traversal, encoded separators, backslashes.
const ESCAPES = [
  '/etc/passwd', join(tmpdir(), 'wxnet-pwned.bin'), 'file:///etc/passwd', '../../etc/passwd',
  'wxfile://usr/../../wxnet-pwned.bin', 'wxfile://usr/a/../../../wxnet-pwned.bin', 'wxfile://tmp_x/../../wxnet-pwned.bin',
  'wxfile://usr/..%2F..%2Fwxnet-pwned.bin', 'wxfile://usr/%2e%2e/%2e%2e/wxnet-pwned.bin', 'wxfile://usr/..\\..\\wxnet-pwned.bin',
  'wxfile://usr//wxnet-pwned.bin', 'wxfile://etc/passwd', 'http://tmp/../wxnet-pwned.bin', 'http://usr/../../wxnet-pwned.bin',
];

test('rule 9: uploadFile reads only the file store: every path outside it fails with file not found, nothing is sent', async () => {
  const { wx } = createWx({ urlCheck: false });
  const hits = server.stats.hits;
  for (const filePath of ['/etc/passwd', ...ESCAPES]) {
    const seen = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath, name: 'f' });
    assert.deepEqual(seen.fail, [{ errMsg: 'uploadFile:fail file not found' }], filePath);
  }
  assert.equal(server.stats.hits, hits, 'no upload reached the server');
});

test('rule 9: downloadFile writes only into the store\'s user-data area: elsewhere it fails with permission denied and writes nothing', async () => {
  const { wx } = createWx({ urlCheck: false });
  const outside = join(tmpdir(), 'wxnet-pwned.bin');
  rmSync(outside, { force: true });
  for (const filePath of [...ESCAPES, 'wxfile://tmp_chosen.bin']) {
    const seen = await run(wx.downloadFile, { url: `${server.origin}/bytes?n=4`, filePath });
    assert.deepEqual(seen.fail, [{ errMsg: `downloadFile:fail permission denied, open ${filePath}` }], filePath);
  }
  assert.equal(existsSync(outside), false);
});

test('rule 9: the Node file store refuses a symbolic link that leads out of its directory', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'wxnet-store-test-'));
  const secret = join(mkdtempSync(join(tmpdir(), 'wxnet-secret-')), 'secret.txt');
  writeFileSync(secret, 'secret');
  try {
    mkdirSync(join(directory, 'usr'));
    symlinkSync(dirname(secret), join(directory, 'usr', 'link'));
    symlinkSync(secret, join(directory, 'usr', 'file-link'));
    const store = createNodeFileStore({ directory });
    await assert.rejects(store.read('wxfile://usr/link/secret.txt'), /leaves the file store/);
    await assert.rejects(store.read('wxfile://usr/file-link'), /leaves the file store/);
    await assert.rejects(store.save(new Uint8Array(1), { filePath: 'wxfile://usr/link/new.bin' }), /leaves the file store/);
    await assert.rejects(store.save(new Uint8Array(1), { filePath: 'wxfile://usr/file-link' }), /leaves the file store/);
    assert.equal(readFileSync(secret, 'utf8'), 'secret');
    const { wx } = createWx({ urlCheck: false, fileStore: store });
    const seen = await run(wx.uploadFile, { url: `${server.origin}/upload`, filePath: 'wxfile://usr/link/secret.txt', name: 'f' });
    assert.deepEqual(seen.fail, [{ errMsg: 'uploadFile:fail file not found' }]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
    rmSync(dirname(secret), { recursive: true, force: true });
  }
});

test('the Node file store refuses paths that leave its directory, and the memory store the same paths', async () => {
  const store = createNodeFileStore();
  const memory = createMemoryFileStore();
  for (const filePath of ESCAPES) {
    await assert.rejects(store.save(new Uint8Array(1), { filePath }), { code: 'wx/file-path' }, filePath);
    await assert.rejects(store.read(filePath), { code: 'wx/file-path' }, filePath);
    await assert.rejects(memory.save(new Uint8Array(1), { filePath }), { code: 'file/path' }, filePath);
  }
  store.dispose();
});

test('rule 9: a temporary Node file store is removed by dispose() and when the process exits; a given directory is kept', async () => {
  const store = createNodeFileStore();
  const path = await store.save(new Uint8Array(3));
  const directory = store.directory;
  assert.ok(existsSync(store.resolve(path)));
  store.dispose();
  assert.equal(existsSync(directory), false);
  const listeners = process.listenerCount('exit');
  for (let i = 0; i < 30; i++) { // a previewer that makes and drops stores does not pile up exit listeners
    const again = createNodeFileStore();
    await again.save(new Uint8Array(1));
    again.dispose();
  }
  assert.ok(process.listenerCount('exit') <= listeners + 1);
  const given = mkdtempSync(join(tmpdir(), 'wxnet-given-'));
  const kept = createNodeFileStore({ directory: given });
  await kept.save(new Uint8Array(1), { filePath: 'wxfile://usr/a.bin' });
  kept.dispose();
  assert.ok(existsSync(join(given, 'usr', 'a.bin')));
  rmSync(given, { recursive: true, force: true });
  // A child process that downloads into the default store leaves no folder behind.
  const script = `import { createWx } from ${JSON.stringify(new URL('../pkg/node.mjs', import.meta.url).href)};
    const { runtime } = createWx();
    const path = await runtime.fileStore.save(new Uint8Array(8));
    console.log(runtime.fileStore.directory);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const childDirectory = child.stdout.trim();
  assert.match(childDirectory, /wxnet-/);
  assert.equal(existsSync(childDirectory), false, `${childDirectory} was left behind`);
});
