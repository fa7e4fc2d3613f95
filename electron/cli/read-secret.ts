// Reads the SecretKey (and an optional session token) from a pipe or a hidden prompt, never from argv.
import type { CliIo } from './cli-io.js';

export async function readSecretInput(io: CliIo): Promise<{ secretKey: string; token?: string }> {
  if (io.stdinIsTerminal) {
    const secretKey = (await io.promptHidden('SecretKey: ')).trim();
    return { secretKey };
  }
  const [secretKey = '', token = ''] = (await io.readStdin()).split(/\r?\n/).map((line) => line.trim());
  return token ? { secretKey, token } : { secretKey };
}
