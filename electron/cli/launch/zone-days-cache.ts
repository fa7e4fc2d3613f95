// The zone days formatUnix learned, kept between `taper` runs beside the code cache: a fresh process's first
// Intl.DateTimeFormat costs ~25 ms of locale data, and `taper history` mostly shows the days the last run showed.
// The answers depend only on ICU and its tz data, so the file is named after both versions: an upgraded Node
// (or tz update) starts a new file and the old one is removed.
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { recallZoneDays, rememberedZoneDays, zoneDaysLearned } from '../../../shared/time/format-unix.js';
import { readPrivateFile, writePrivateFile } from './private-cache-file.js';

const PREFIX = 'zone-days.';
const SUFFIX = '.json';

/** `zone-days.icu-74.2.tz-2024a.json`: only characters that are safe in a file name. */
export function zoneDaysFileName(versions: { icu?: string; tz?: string }): string | null {
  if (versions.icu === undefined || versions.tz === undefined) return null;
  const safe = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, '_');
  return `${PREFIX}icu-${safe(versions.icu)}.tz-${safe(versions.tz)}${SUFFIX}`;
}

export interface ZoneDaysCache {
  /** Loads what earlier runs learned; a missing, untrusted or damaged file loads nothing. */
  recall(): void;
  /** Stores what this run learned, if anything. Never throws: a cache must not fail a command. */
  save(): void;
}

export function zoneDaysCache(
  directory: string | null,
  versions: { icu?: string; tz?: string },
  uid: number | undefined,
): ZoneDaysCache {
  const name = zoneDaysFileName(versions);
  if (directory === null || name === null) return { recall: () => undefined, save: () => undefined };
  const file = join(directory, name);
  return {
    recall: () => {
      const { data } = readPrivateFile(file, uid);
      if (data === undefined) return;
      try {
        recallZoneDays(JSON.parse(data.toString('utf8')));
      } catch {
        // Half a file from another tool, a disk error: this run asks Intl, and rewrites the file.
      }
    },
    save: () => {
      if (!zoneDaysLearned()) return;
      try {
        if (writePrivateFile(file, JSON.stringify(rememberedZoneDays()), uid)) removeOtherVersions(directory, name);
      } catch {
        // Read-only home, full disk: the next run asks Intl again, nothing else changes.
      }
    },
  };
}

function removeOtherVersions(directory: string, current: string): void {
  for (const entry of readdirSync(directory)) {
    if (entry.startsWith(PREFIX) && entry.endsWith(SUFFIX) && entry !== current) unlinkSync(join(directory, entry));
  }
}
