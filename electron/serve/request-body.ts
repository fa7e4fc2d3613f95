// An API call's body, read whole but bounded: the limit is checked as the bytes arrive, so an oversized upload is
// refused without being held in memory.
import type { IncomingMessage } from 'node:http';

/** Bodies larger than this are refused (413): an import's CSV (2,000,000 characters) fits, JSON-escaped, in UTF-8. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The body went over MAX_BODY_BYTES (the rest is drained, not kept). */
export class BodyTooLarge extends Error {}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
