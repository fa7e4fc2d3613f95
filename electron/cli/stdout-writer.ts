// A command's output goes straight to file descriptor 1. Building process.stdout loads node:stream (and net, for a
// pipe): ~10 ms of a 150 ms `taper history`, for one write. The stream is built only when the descriptor would
// block (a non-blocking pipe or terminal someone else set up), and output then continues through it in order.
import { writeSync as fsWriteSync } from 'node:fs';

export interface StdoutWriter {
  write(text: string): boolean;
  /** Resolves once everything written has left the process (only a stream can hold any back). */
  flushed(): Promise<void>;
}

export interface StdoutWriterDeps {
  readonly fd: number;
  readonly writeSync: (fd: number, buffer: Uint8Array, offset: number) => number;
  /** process.stdout, built on first call. */
  readonly stream: () => NodeJS.WritableStream;
}

const realDeps: StdoutWriterDeps = {
  fd: 1,
  writeSync: (fd, buffer, offset) => fsWriteSync(fd, buffer, offset),
  stream: () => process.stdout,
};

export function createStdoutWriter(deps: StdoutWriterDeps = realDeps): StdoutWriter {
  let mode: 'direct' | 'stream' | 'closed' = 'direct';
  const write = (text: string): boolean => {
    if (mode === 'stream') return deps.stream().write(text);
    if (mode === 'closed') return true;
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    try {
      while (offset < bytes.length) offset += deps.writeSync(deps.fd, bytes, offset);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The reader left (`taper history | head -1`): the rest has nobody to read it, and that is no failure,
      // as process.stdout treats it.
      if (code === 'EPIPE') {
        mode = 'closed';
        return true;
      }
      // EAGAIN and anything else: the stream knows how to wait for a non-blocking descriptor and reports as before.
      mode = 'stream';
      return deps.stream().write(bytes.subarray(offset));
    }
  };
  return {
    write,
    flushed: () =>
      mode === 'stream' ? new Promise((resolve) => deps.stream().write('', () => resolve())) : Promise.resolve(),
  };
}
