// How a thrown value is written to the log: name, code, message and stack frames, then its causes. The text is
// redacted with the rest of the line, so a key inside a message or a frame never reaches the file.

/** Causes followed at most this deep (a cycle of causes must not loop). */
const MAX_CAUSES = 3;
/** Frames kept per error: the top of the stack says where; the rest is the event loop. */
const MAX_FRAMES = 20;

const isErrorLike = (value: unknown): value is Error =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).message === 'string' &&
    typeof (value as Error).name === 'string');

const isAppErrorLike = (value: unknown): value is { code: string; message: string; requestId?: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { message?: unknown }).message === 'string';

function oneError(error: Error): string[] {
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}: ${error.message}`;
  const frames = (typeof error.stack === 'string' ? error.stack.split('\n') : [])
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => `    ${line.trim()}`);
  return [head, ...frames];
}

/** `error` as lines of text: `Name [code]: message`, its frames, `Caused by: …` for each cause. */
export function errorText(error: unknown): string {
  try {
    return describe(error);
  } catch {
    // A getter that throws, a revoked Proxy: the entry is still written, with what happened.
    return 'an error that could not be described (reading it threw)';
  }
}

function describe(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES; depth += 1) {
    const prefix = depth === 0 ? '' : 'Caused by: ';
    if (isErrorLike(current)) {
      const [head = '', ...frames] = oneError(current);
      lines.push(prefix + head, ...frames);
      current = (current as { cause?: unknown }).cause;
      if (current === undefined) break;
    } else if (isAppErrorLike(current)) {
      // An error value (shared/result.ts) handed on as a cause: its code is what a support ticket needs.
      lines.push(
        `${prefix}${current.code}: ${current.message}${current.requestId === undefined ? '' : ` (RequestId ${current.requestId})`}`,
      );
      break;
    } else {
      const kind = current === null ? 'null' : typeof current;
      lines.push(`${prefix}non-Error thrown (${kind})${typeof current === 'string' ? `: ${current}` : ''}`);
      break;
    }
  }
  return lines.join('\n');
}
