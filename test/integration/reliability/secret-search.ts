// Looks for a secret everywhere a leak could land: files (as UTF-8 and raw bytes), texts, argument lists; in its
// plain form and encoded (base64, hex, JSON-escaped), so a re-encoded copy is found too.
import { readFile } from 'node:fs/promises';
import { filesUnder } from '../support/files-under.js';

export interface SecretFinding {
  /** Where it was found: a file path, "stdout of taper ...", "argv of ...". */
  place: string;
  /** Which form of the secret matched. */
  form: string;
}

export interface SecretSearch {
  /** Searches one text (output, error message, argv joined by NUL...). */
  text(place: string, value: string): void;
  /** Searches every file under a directory (recursively). */
  directory(path: string): Promise<void>;
  findings: SecretFinding[];
  /** How many places were searched (texts + files). */
  searched(): number;
}

export function secretForms(secret: string): Record<string, string> {
  return {
    plain: secret,
    base64: Buffer.from(secret, 'utf8').toString('base64'),
    hex: Buffer.from(secret, 'utf8').toString('hex'),
    json: JSON.stringify(secret).slice(1, -1),
  };
}

export function secretSearch(secret: string): SecretSearch {
  if (secret.length < 8) throw new Error('search for a real secret, not a short string that matches by chance');
  // Forms that are the same text (a key with nothing to JSON-escape) are searched once.
  const forms = [...new Map(Object.entries(secretForms(secret)).map(([form, needle]) => [needle, form])).entries()].map(
    ([needle, form]) => [form, needle] as const,
  );
  const findings: SecretFinding[] = [];
  let places = 0;
  const text = (place: string, value: string) => {
    places += 1;
    for (const [form, needle] of forms) if (value.includes(needle)) findings.push({ place, form });
  };
  return {
    findings,
    searched: () => places,
    text,
    async directory(path) {
      for (const file of await filesUnder(path)) {
        const bytes = await readFile(file);
        // latin1 keeps every byte: a secret written in any single-byte-safe encoding still matches.
        text(file, `${bytes.toString('utf8')}\u0000${bytes.toString('latin1')}`);
      }
    },
  };
}
