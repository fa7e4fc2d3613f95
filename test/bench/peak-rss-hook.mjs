// Preloaded with --import when GNU time is missing: at exit, writes this process's peak resident set (VmHWM,
// in KB) to the file named by TAPER_BENCH_PEAK_FILE. 'exit' also fires on process.exit(), which taper uses.
import { readFileSync, writeFileSync } from 'node:fs';

const target = process.env.TAPER_BENCH_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) writeFileSync(target, match[1]);
  });
}
