// Compiled by tests/wx-types.test.mjs with tsc --noEmit: the shim's members must be
// assignable to the platform's own types, and platform-typed code must call them.
/// <reference types="miniprogram-api-typings" />
import { checkSocketTarget, createWx, nodeFetch, startMdnsResponder, type WxNetwork } from 'wxnet';

const { wx, runtime } = createWx({ domains: { requestdomain: ['https://api.example.com'] }, overLimit: 'queue' });

const request: WechatMiniprogram.Wx['request'] = wx.request;
const uploadFile: WechatMiniprogram.Wx['uploadFile'] = wx.uploadFile;
const downloadFile: WechatMiniprogram.Wx['downloadFile'] = wx.downloadFile;
const connectSocket: WechatMiniprogram.Wx['connectSocket'] = wx.connectSocket;
const onSocketOpen: WechatMiniprogram.Wx['onSocketOpen'] = wx.onSocketOpen;
const onSocketMessage: WechatMiniprogram.Wx['onSocketMessage'] = wx.onSocketMessage;
const onSocketError: WechatMiniprogram.Wx['onSocketError'] = wx.onSocketError;
const onSocketClose: WechatMiniprogram.Wx['onSocketClose'] = wx.onSocketClose;
const sendSocketMessage: WechatMiniprogram.Wx['sendSocketMessage'] = wx.sendSocketMessage;
const closeSocket: WechatMiniprogram.Wx['closeSocket'] = wx.closeSocket;

// Code written for the platform, with the platform's callback types.
const options: WechatMiniprogram.RequestOption = {
  url: 'https://api.example.com/x',
  method: 'POST',
  data: { a: 1 },
  success: (result: WechatMiniprogram.RequestSuccessCallbackResult) => { void result.statusCode; },
  fail: (error: WechatMiniprogram.RequestFailCallbackErr) => { void error.errMsg; },
};
const task: WechatMiniprogram.RequestTask = wx.request(options);
task.onHeadersReceived((event) => { void event.statusCode; });
const socket: WechatMiniprogram.SocketTask = wx.connectSocket({ url: 'wss://api.example.com/ws' });
socket.onMessage((event) => { void event.data; });
const closing: Promise<WechatMiniprogram.GeneralCallbackResult> = wx.closeSocket({ code: 1000 });
const closingWithCallback: void = wx.closeSocket({ success: () => {} });

// The shim's own types.
const shim: WxNetwork = wx;
const live: number = runtime.inFlight().request;
const stop: () => void = runtime.onEvent((event) => { if (event.type === 'end') void event.errMsg; });

// @ts-expect-error: the tasks are not Promises
void wx.request({ url: 'https://api.example.com/' }).then;
// @ts-expect-error: overLimit takes 'fail' or 'queue'
createWx({ overLimit: 'drop' });

export { request, uploadFile, downloadFile, connectSocket, onSocketOpen, onSocketMessage, onSocketError, onSocketClose, sendSocketMessage, closeSocket, task, socket, closing, closingWithCallback, shim, live, stop };

// The README's transports: nodeFetch, a host-mapping wrapper of it, the global fetch and a wrapper of that.
createWx({ fetch: nodeFetch });
createWx({ fetch: (url, init) => nodeFetch(url.replace('https://api.example.com', 'http://127.0.0.1:3000'), init) });
createWx({ fetch: globalThis.fetch });
createWx({ fetch: (url, init) => fetch(url.replace('https://api.example.com', 'http://127.0.0.1:3000'), init) });
createWx({ upstreams: { 'https://api.example.com': 'http://127.0.0.1:3000' } });
// @ts-expect-error: a transport takes the URL as a string and returns a Promise
createWx({ fetch: (url: number) => url });

// UDP, TCP and local service discovery (RULES.md §10) against the platform's types.
const createUDPSocket: WechatMiniprogram.Wx['createUDPSocket'] = wx.createUDPSocket;
const createTCPSocket: WechatMiniprogram.Wx['createTCPSocket'] = wx.createTCPSocket;
const startLocalServiceDiscovery: WechatMiniprogram.Wx['startLocalServiceDiscovery'] = wx.startLocalServiceDiscovery;
const stopLocalServiceDiscovery: WechatMiniprogram.Wx['stopLocalServiceDiscovery'] = wx.stopLocalServiceDiscovery;
const onLocalServiceFound: WechatMiniprogram.Wx['onLocalServiceFound'] = wx.onLocalServiceFound;
const offLocalServiceFound: WechatMiniprogram.Wx['offLocalServiceFound'] = wx.offLocalServiceFound;
const onLocalServiceLost: WechatMiniprogram.Wx['onLocalServiceLost'] = wx.onLocalServiceLost;
const onLocalServiceResolveFail: WechatMiniprogram.Wx['onLocalServiceResolveFail'] = wx.onLocalServiceResolveFail;
const onLocalServiceDiscoveryStop: WechatMiniprogram.Wx['onLocalServiceDiscoveryStop'] = wx.onLocalServiceDiscoveryStop;
const udp: WechatMiniprogram.UDPSocket = wx.createUDPSocket();
const boundPort: number = udp.bind();
udp.onMessage((event: WechatMiniprogram.UDPSocketOnMessageListenerResult) => { void event.remoteInfo.size; });
udp.send({ address: '192.168.1.2', port: 9000, message: new ArrayBuffer(4), offset: 1, length: 2 });
const tcp: WechatMiniprogram.TCPSocket = wx.createTCPSocket();
tcp.connect({ address: '192.168.1.2', port: 9000, timeout: 2000 });
tcp.onMessage((event: WechatMiniprogram.TCPSocketOnMessageListenerResult) => { void event.message.byteLength; });
wx.startLocalServiceDiscovery({ serviceType: '_http._tcp.', fail: (error: WechatMiniprogram.StartLocalServiceDiscoveryFailCallbackResult) => { void error.errMsg; } });
wx.onLocalServiceFound((found: WechatMiniprogram.OnLocalServiceFoundListenerResult) => { void found.ip; });
const searching: Promise<{ errMsg: string }> = wx.startLocalServiceDiscovery({ serviceType: '_http._tcp.' });
const verdict: 'listed' | 'lan' | string = checkSocketTarget('tcp', '192.168.1.2', 9000, { lan: { ip: '192.168.1.10' } }).reason;
createWx({ lan: 'auto', sockets: { resolve: () => '127.0.0.1' } });
void startMdnsResponder({ name: 'printer', serviceType: '_ipp._tcp.', port: 631 }).stop;
// @ts-expect-error: TCP write takes a string or an ArrayBuffer
tcp.write({ data: 'x' });
// @ts-expect-error: only udp and tcp have targets
checkSocketTarget('http', 'a.com', 80);

export { createUDPSocket, createTCPSocket, startLocalServiceDiscovery, stopLocalServiceDiscovery, onLocalServiceFound, offLocalServiceFound, onLocalServiceLost, onLocalServiceResolveFail, onLocalServiceDiscoveryStop, boundPort, searching, verdict };
