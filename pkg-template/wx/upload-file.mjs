// wx.uploadFile (RULES.md §9): a stored file sent as multipart/form-data, with
// progress events while the body goes out.
import { CallFailure } from './callbacks.mjs';
import { startTask } from './call.mjs';
import { decodeBody, failure } from './core-port.mjs';
import { fetchChecked } from './http/fetch-checked.mjs';
import { outgoingHeaders, receiveHeaders } from './http/headers.mjs';
import { requestProfile } from './http/profile.mjs';
import { readBody } from './http/read-body.mjs';
import { basename, multipart } from './multipart.mjs';
import { TransferTask, storeArea } from './transfer-task.mjs';

/** Upload bodies are handed to the transport in pieces of this size (progress granularity). */
const UPLOAD_PIECE = 64 * 1024;

export function createUploadFile(context) {
  return function uploadFile(rawOption) {
    const task = new UploadTask();
    return startTask(context, 'uploadFile', rawOption, task, {
      method: 'POST',
      // Only the store's own paths are files to a mini program; anything else does not exist for it.
      precheck: (option) => (storeArea(option.filePath) ? undefined : failure('uploadFile', 'file not found')),
      execute: (call, option) => upload(context, call, option, task),
    });
  };
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
  const headers = outgoingHeaders(context, 'uploadFile', option.header);
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
  const { statusCode, header, cookies } = receiveHeaders(call, task, response);
  const bytes = await readBody(call, response);
  const decoded = decodeBody(bytes, { contentType: response.headers.get('content-type') ?? undefined, dataType: 'text', responseType: 'text' });
  return { data: decoded.data, statusCode, header, cookies, profile: requestProfile(call, bytes.byteLength, body) };
}

export class UploadTask extends TransferTask {
  progress(sent, total) {
    if (this.call?.settled) return;
    this.progressListeners.emit({ progress: this.percent(sent, total), totalBytesSent: sent, totalBytesExpectedToSend: total });
  }
}
