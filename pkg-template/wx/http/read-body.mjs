// Reading a response body while its call may stop at any moment.

/** The transport gave up because its call had already failed (abort, timeout, background). */
export class CallStopped extends Error {}

/** Reads a response body to the end through a reader, so that a stop can cancel it midway. */
export async function readBody(call, response, onChunk) {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  call.cancelBody = () => { reader.cancel().catch(() => {}); };
  const parts = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (call.settled) throw new CallStopped();
      parts.push(value);
      length += value.byteLength;
      onChunk?.(value, length);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    call.cancelBody = undefined;
  }
  if (call.settled) throw new CallStopped(); // cancelled midway: the bytes are partial
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) { bytes.set(part, offset); offset += part.byteLength; }
  return bytes;
}
