// The floor of `taper history`: the least a script can do to print the same files as one line per entry. It reads
// history.json, history.journal and plans.json from TAPER_HOME, folds the journal in, sorts newest first and prints
// each entry's status, stream and window through one Intl.DateTimeFormat in $TZ. No validation, no lock, no plans
// rows, no abbreviations: what is left of Taper's time over this is what its care costs.
// Usage: TAPER_HOME=DIR TZ=ZONE node history-floor.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const home = process.env.TAPER_HOME ?? '.';
const read = (name) => {
  try {
    return readFileSync(join(home, name), 'utf8');
  } catch {
    return '';
  }
};
const byId = new Map();
const snapshot = read('history.json');
for (const entry of snapshot === '' ? [] : JSON.parse(snapshot).entries) byId.set(entry.id, entry);
for (const line of read('history.journal').split('\n'))
  if (line !== '') byId.set(JSON.parse(line).entry.id, JSON.parse(line).entry);
const plans = read('plans.json');
if (plans !== '') JSON.parse(plans);

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: process.env.TZ || 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});
const entries = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
let out = '';
for (const entry of entries) {
  out += `${entry.status} ${entry.domain}/${entry.app}/${entry.stream}  ${format.format((entry.startTime ?? entry.createdAt) * 1000)} → ${format.format(entry.endTime * 1000)}  ${entry.taskId}\n`;
}
process.stdout.write(out);
