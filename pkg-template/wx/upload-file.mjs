// wx.uploadFile and wx.downloadFile (RULES.md §9): multipart upload of a stored file,
// download into the file store, and their tasks' progress events.
import { CallFailure, Listeners, fetchChecked, readBody, outgoingHeaders, requestProfile, responseHeaders, startTask } from './call.mjs';
import { decodeBody, failure, networkLimits } from './core-port.mjs';
import { extensionOf, parseStorePath } from './file-store.mjs';

/** Upload bodies are handed to the transport in pieces of this size (progress granularity). */
const UPLOAD_PIECE = 64 * 1024;

const UPLOAD_PARAMETERS = [
  ['url', 'String', true], ['filePath', 'String', true], ['name', 'String', true],
  ['header', 'Object'], ['formData', 'Object'], ['timeout', 'Number'],
];
const DOWNLOAD_PARAMETERS = [['url', 'String', true], ['header', 'Object'], ['filePath', 'String'], ['timeout', 'Number']];

export function createUploadFile(context) {
  return function uploadFile(rawOption) {
    const task = new UploadTask();
    return startTask(context, 'uploadFile', rawOption, task, {
      parameters: UPLOAD_PARAMETERS,
      method: 'POST',
      // Only the store's own paths are files to a mini program; anything else does not exist for it.
      precheck: (option) => (storeArea(option.filePath) ? undefined : failure('uploadFile', 'file not found')),
      execute: (call, option) => upload(context, call, option, task),
    });
  };
}

export function createDownloadFile(context) {
  return function downloadFile(rawOption) {
    const task = new DownloadTask();
    return startTask(context, 'downloadFile', rawOption, task, {
      parameters: DOWNLOAD_PARAMETERS,
      method: 'GET',
      // A chosen filePath must be in the user-data area (wx.env.USER_DATA_PATH), as on the phone.
      precheck: (option) => (option.filePath === undefined || storeArea(option.filePath) === 'user-data'
        ? undefined : failure('downloadFile', 'permission denied', option.filePath)),
      execute: (call, option) => download(context, call, option, task),
    });
  };
}

/** The store area of a path, or undefined when the core refuses it (RULES.md §9). */
function storeArea(path) {
  try {
    return parseStorePath(path).area;
  } catch {
    return undefined;
  }
}

async function upload(context, call, option, task) {
  let file;
  try {
    file = await context.fileStore.read(option.filePath);
  } catch {
    throw new CallFailure(failure('uploadFile', 'file not found'));
  }
  const boundary = `----WxnetFormBoundary${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const body = multipart(boundary, option.formData ?? {}, option.name, basename(option.filePath), file);
  const total = body.byteLength;
  const headers = outgoingHeaders(context, option.header, { drop: ['content-type', 'content-length'] });
  headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  const init = { method: 'POST', headers, signal: call.signal };
  if (context.streamUploads) {
    // Node's fetch pulls a stream piece by piece, so progress follows what was handed to the socket.
    let sent = 0;
    init.body = new ReadableStream({
      pull(controller) {
        if (call.settled) return controller.error(new Error('upload stopped'));
        const piece = body.subarray(sent, Math.min(sent + UPLOAD_PIECE, total));
        sent += piece.byteLength;
        controller.enqueue(piece);
        task.progress(sent, total);
        if (sent >= total) controller.close();
        return undefined;
      },
    });
    init.duplex = 'half';
    headers['content-length'] = String(total);
  } else {
    init.body = body; // browsers' fetch reports no upload progress: one event once the server answered
  }
  const response = await fetchChecked(context, call, option.url, init);
  if (!context.streamUploads) task.progress(total, total);
  const statusCode = response.status;
  const { header, cookies } = responseHeaders(response.headers);
  call.headersArrived(statusCode);
  task.headersReceived({ header, statusCode, cookies });
  const bytes = await readBody(call, response);
  const decoded = decodeBody(bytes, { contentType: response.headers.get('content-type') ?? undefined, dataType: 'text', responseType: 'text' });
  return { data: decoded.data, statusCode, header, cookies, profile: requestProfile(call, bytes.byteLength, body) };
}

async function download(context, call, option, task) {
  const headers = outgoingHeaders(context, option.header);
  const response = await fetchChecked(context, call, option.url, { method: 'GET', headers, signal: call.signal });
  const statusCode = response.status;
  const { header, cookies } = responseHeaders(response.headers);
  call.headersArrived(statusCode);
  task.headersReceived({ header, statusCode, cookies });
  const declared = Number(response.headers.get('content-length'));
  const expected = Number.isFinite(declared) && declared > 0 ? declared : 0;
  const maxBytes = networkLimits().maxDownloadBytes;
  if (expected > maxBytes) throw new CallFailure(failure('downloadFile', 'exceed max file size'));
  const bytes = await readBody(call, response, (chunk, written) => {
    if (written > maxBytes) throw new CallFailure(failure('downloadFile', 'exceed max file size'));
    task.progress(written, Math.max(expected, written));
  });
  const written = bytes.byteLength;
  const path = await context.fileStore.save(bytes, { filePath: option.filePath, extension: extensionOf(option.url) });
  const result = { statusCode, header, dataLength: written, profile: requestProfile(call, written, undefined) };
  if (option.filePath !== undefined) result.filePath = path;
  else result.tempFilePath = path;
  return result;
}

/** A multipart/form-data body: the formData fields, then the file under `name`. */
export function multipart(boundary, fields, name, filename, file) {
  const encoder = new TextEncoder();
  const quote = (text) => String(text).replace(/"/g, '%22').replace(/\r?\n|\r/g, ' ');
  let head = '';
  for (const [key, value] of Object.entries(fields)) {
    const text = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(key)}"\r\n\r\n${text}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(filename)}"\r\n` +
    `Content-Type: ${mimeType(filename)}\r\n\r\n`;
  const start = encoder.encode(head);
  const end = encoder.encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(start.byteLength + file.byteLength + end.byteLength);
  body.set(start, 0);
  body.set(file, start.byteLength);
  body.set(end, start.byteLength + file.byteLength);
  return body;
}

function basename(path) {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1) || 'file';
}

const MIME = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.mp4': 'video/mp4', '.mp3': 'audio/mpeg', '.txt': 'text/plain', '.json': 'application/json', '.pdf': 'application/pdf',
};
function mimeType(filename) {
  return MIME[extensionOf(`x:/${filename}`)] ?? 'application/octet-stream';
}

class TransferTask {
  constructor() {
    this.call = undefined;
    this.progressListeners = new Listeners();
    this.headersListeners = new Listeners();
  }
  abort() { this.call?.abort(); }
  onProgressUpdate(listener) { this.progressListeners.on(listener); }
  offProgressUpdate(listener) { this.progressListeners.off(listener); }
  onHeadersReceived(listener) { this.headersListeners.on(listener); }
  offHeadersReceived(listener) { this.headersListeners.off(listener); }
  headersReceived(event) { if (!this.call?.settled) this.headersListeners.emit(event); }
  percent(done, total) { return total > 0 ? Math.floor((done * 100) / total) : 0; }
}

export class UploadTask extends TransferTask {
  progress(sent, total) {
    if (this.call?.settled) return;
    this.progressListeners.emit({ progress: this.percent(sent, total), totalBytesSent: sent, totalBytesExpectedToSend: total });
  }
}

export class DownloadTask extends TransferTask {
  progress(written, total) {
    if (this.call?.settled) return;
    this.progressListeners.emit({ progress: this.percent(written, total), totalBytesWritten: written, totalBytesExpectedToWrite: total });
  }
}
