// wx.downloadFile (RULES.md §9): a response body saved into the file store, with
// progress events and the client's size limit.
import { CallFailure } from './callbacks.mjs';
import { startTask } from './call.mjs';
import { failure, networkLimits } from './core-port.mjs';
import { extensionOf } from './file-store.mjs';
import { fetchChecked } from './http/fetch-checked.mjs';
import { outgoingHeaders, receiveHeaders } from './http/headers.mjs';
import { requestProfile } from './http/profile.mjs';
import { readBody } from './http/read-body.mjs';
import { TransferTask, storeArea } from './transfer-task.mjs';

export function createDownloadFile(context) {
  return function downloadFile(rawOption) {
    const task = new DownloadTask();
    return startTask(context, 'downloadFile', rawOption, task, {
      method: 'GET',
      // A chosen filePath must be in the user-data area (wx.env.USER_DATA_PATH), as on the phone.
      precheck: (option) => (option.filePath === undefined || storeArea(option.filePath) === 'user-data'
        ? undefined : failure('downloadFile', 'permission denied', option.filePath)),
      execute: (call, option) => download(context, call, option, task),
    });
  };
}

async function download(context, call, option, task) {
  const headers = outgoingHeaders(context, 'downloadFile', option.header);
  const response = await fetchChecked(context, call, option.url, { method: 'GET', headers, signal: call.signal });
  const { statusCode, header, cookies } = receiveHeaders(call, task, response);
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

export class DownloadTask extends TransferTask {
  progress(written, total) {
    if (this.call?.settled) return;
    this.progressListeners.emit({ progress: this.percent(written, total), totalBytesWritten: written, totalBytesExpectedToWrite: total });
  }
}
