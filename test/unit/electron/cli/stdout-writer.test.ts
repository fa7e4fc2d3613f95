// The CLI writes its output straight to fd 1 and builds process.stdout only when it must: all of it arrives, in
// order, whatever the descriptor does.
import { describe, expect, it } from 'vitest';
import { createStdoutWriter } from '../../../../electron/cli/stdout-writer.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

function fakeStream() {
  const chunks: string[] = [];
  let built = 0;
  return {
    chunks,
    built: () => built,
    stream: () => {
      built = 1;
      return {
        write: (chunk: string | Uint8Array, done?: () => void) => {
          chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
          done?.();
          return true;
        },
      } as unknown as NodeJS.WritableStream;
    },
  };
}

describe('the CLI stdout writer', () => {
  it('writes everything to the descriptor, across partial writes, without building the stream', async () => {
    const written: Buffer[] = [];
    const sink = fakeStream();
    const writer = createStdoutWriter({
      fd: 1,
      // At most 5 bytes per call, as a nearly full pipe takes them.
      writeSync: (_fd, buffer, offset) => {
        const part = buffer.subarray(offset, offset + 5);
        written.push(Buffer.from(part));
        return part.length;
      },
      stream: sink.stream,
    });
    writer.write('录制 evening-show\n');
    writer.write('done\n');
    await writer.flushed();
    // The multi-byte characters were split across writes; the bytes still add up to the text.
    expect(Buffer.concat(written).toString('utf8')).toBe('录制 evening-show\ndone\n');
    expect(written.length).toBeGreaterThan(4);
    expect(sink.built()).toBe(0);
  });

  it('continues through the stream, in order, once the descriptor would block', async () => {
    const direct: Buffer[] = [];
    let calls = 0;
    const sink = fakeStream();
    const writer = createStdoutWriter({
      fd: 1,
      writeSync: (_fd, buffer, offset) => {
        calls += 1;
        if (calls > 1) throw errno('EAGAIN');
        const part = buffer.subarray(offset, offset + 3);
        direct.push(Buffer.from(part));
        return part.length;
      },
      stream: sink.stream,
    });
    writer.write('abcdef');
    writer.write('ghi');
    let flushed = false;
    await writer.flushed().then(() => (flushed = true));
    expect(Buffer.concat(direct).toString() + sink.chunks.join('')).toBe('abcdefghi');
    expect(sink.built()).toBe(1);
    expect(flushed).toBe(true);
  });

  it('drops the rest quietly when the reader has gone (taper history | head -1)', async () => {
    const sink = fakeStream();
    const writer = createStdoutWriter({
      fd: 1,
      writeSync: () => {
        throw errno('EPIPE');
      },
      stream: sink.stream,
    });
    expect(writer.write('one\n')).toBe(true);
    expect(writer.write('two\n')).toBe(true);
    await writer.flushed();
    expect(sink.built()).toBe(0);
  });
});
