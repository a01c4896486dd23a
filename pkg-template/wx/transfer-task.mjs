// What uploadFile and downloadFile share: the task's listeners, and where a file
// path points in the store.
import { Listeners } from './callbacks.mjs';
import { parseStorePath } from './core-port.mjs';

/** The store area of a path, or undefined when the core refuses it (RULES.md §9). */
export function storeArea(path) {
  try {
    return parseStorePath(path).area;
  } catch {
    return undefined;
  }
}

/** The task both APIs return: abort, progress and headers listeners. */
export class TransferTask {
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
