// installWx(Taro | uni, options): an H5 build's request, uploadFile, downloadFile and
// connectSocket replaced by createWx's (through the dev proxy), so that an unchanged
// app gets the phone's rules, errMsgs, limits and Referer in the browser (RULES.md
// §14). Each framework's calling convention is kept:
// - Taro: request(url | options, options?) and uploadFile/downloadFile return a
//   Promise carrying the task's methods (abort, onProgressUpdate, …; Taro H5's
//   `progress` and `headersReceive` too), rejected with the fail result;
//   connectSocket returns a Promise of the SocketTask. Interceptors
//   (Taro.addInterceptor) run around request when Taro has its Link class.
// - uni: with success/fail/complete, the task; without, a Promise of the success
//   result, rejected with the fail result (uni-app Vue 3).
import { WxnetError } from '../core/errors.mjs';
import { describeValue } from '../core/type-name.mjs';
import { createWx } from '../wx/index.mjs';
import { DEFAULT_PROXY_PATH } from '../proxy/wire.mjs';

const APIS = ['request', 'uploadFile', 'downloadFile', 'connectSocket'];
const STYLES = ['taro', 'uni'];

/**
 * Replaces the four network APIs of `target` (the Taro or uni object). `options`:
 * createWx's (`proxy` defaults to '/__wxnet', the dev proxy's default path; `appid`,
 * `domains`, …) plus `style` ('taro' | 'uni', found from the object when not given).
 * Returns `{ wx, runtime, uninstall }`.
 */
export function installWx(target, options = {}) {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function') || !APIS.some((api) => typeof target[api] === 'function')) {
    throw new WxnetError('h5/target', `installWx(target): target must be the Taro or uni object (with request, uploadFile, downloadFile, connectSocket), got ${describeValue(target)}`);
  }
  // Through the dev proxy mounted at its default path, unless told otherwise.
  const { style: givenStyle, ...rest } = options ?? {};
  const wxOptions = { proxy: DEFAULT_PROXY_PATH, ...rest };
  const style = givenStyle ?? detectStyle(target);
  if (!STYLES.includes(style)) {
    throw new WxnetError('h5/target', `installWx: options.style must be 'taro' or 'uni'${givenStyle === undefined ? ' (this object looks like neither; pass style)' : `, got ${describeValue(givenStyle)}`}`);
  }
  const { wx, runtime } = createWx(wxOptions);
  const replacements = style === 'taro' ? taroApis(target, wx) : uniApis(wx);
  const originals = {};
  for (const [name, replacement] of Object.entries(replacements)) {
    originals[name] = target[name];
    target[name] = replacement;
  }
  return {
    wx,
    runtime,
    uninstall() {
      for (const [name, original] of Object.entries(originals)) target[name] = original;
    },
  };
}

function detectStyle(target) {
  if ('ENV_TYPE' in target || typeof target.getEnv === 'function') return 'taro';
  if (typeof target.$emit === 'function' || typeof target.$on === 'function' || typeof target.addInterceptor === 'function') return 'uni';
  return undefined;
}

/** A call's option with success/fail/complete wrapped so that a Promise settles with them. */
function settling(option, resolve, reject) {
  return {
    ...option,
    success: (result) => { option.success?.(result); resolve(result); },
    fail: (result) => { option.fail?.(result); reject(result); },
  };
}

/** The task's methods on a Promise (Taro's returned Promise carries them). */
function withTaskMethods(promise, task, extra = {}) {
  const methods = ['abort', 'onHeadersReceived', 'offHeadersReceived', 'onProgressUpdate', 'offProgressUpdate', 'onChunkReceived', 'offChunkReceived'];
  for (const name of methods) {
    if (typeof task[name] === 'function') promise[name] = (...args) => task[name](...args);
  }
  for (const [name, method] of Object.entries(extra)) if (typeof task[method] === 'function') promise[name] = (...args) => task[method](...args);
  return promise;
}

function taroApis(target, wx) {
  const run = (api, option) => {
    let task;
    const promise = new Promise((resolve, reject) => { task = wx[api](settling(option, resolve, reject)); });
    return withTaskMethods(promise, task, { progress: 'onProgressUpdate', headersReceive: 'onHeadersReceived' });
  };
  const requestOption = (first, second) => (typeof first === 'string' ? { ...(second ?? {}), url: first } : { ...(first ?? {}) });
  let request = (first, second) => run('request', requestOption(first, second));
  if (typeof target.Link === 'function') {
    // Taro's interceptor chain: interceptors see and may change the option, then the call runs.
    let pending;
    const link = new target.Link((chain) => {
      const call = pending;
      pending = undefined;
      const promise = run('request', chain.requestParams);
      call?.attach(promise.abort);
      return promise;
    });
    request = (first, second) => {
      const handle = deferredTask();
      pending = handle;
      const promise = link.request(requestOption(first, second));
      pending = undefined;
      promise.abort = () => handle.abort();
      return promise;
    };
    target.addInterceptor = link.addInterceptor.bind(link);
    target.cleanInterceptors = link.cleanInterceptors.bind(link);
  }
  return {
    request,
    uploadFile: (option) => run('uploadFile', { ...(option ?? {}) }),
    downloadFile: (option) => run('downloadFile', { ...(option ?? {}) }),
    connectSocket: (option) => new Promise((resolve, reject) => {
      const task = wx.connectSocket(settling({ ...(option ?? {}) }, () => resolve(task), reject));
    }),
  };
}

/** abort() before the interceptor chain reached the call: it aborts as soon as the call exists. */
function deferredTask() {
  let abortCall;
  let aborted = false;
  return {
    attach(abort) {
      abortCall = abort;
      if (aborted) abort();
    },
    abort() {
      aborted = true;
      abortCall?.();
    },
  };
}

function uniApis(wx) {
  const hasCallback = (option) => ['success', 'fail', 'complete'].some((name) => typeof option?.[name] === 'function');
  const promiseOrTask = (api) => (option) => {
    if (hasCallback(option)) return wx[api](option);
    return new Promise((resolve, reject) => { wx[api](settling({ ...(option ?? {}) }, resolve, reject)); });
  };
  return {
    request: promiseOrTask('request'),
    uploadFile: promiseOrTask('uploadFile'),
    downloadFile: promiseOrTask('downloadFile'),
    connectSocket: promiseOrTask('connectSocket'),
  };
}
