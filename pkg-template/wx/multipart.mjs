// The multipart/form-data body uploadFile sends.
import { extensionOf } from './file-store.mjs';

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

/** The file name at the end of a path (either separator), or `file`. */
export function basename(path) {
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
