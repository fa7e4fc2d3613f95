// `npm run bench`: every performance goal measured in one run, side by side with its reference (docs/performance.md).
// Writes test/bench/results.json and prints a table. Loopback only; every loop is bounded.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { measureApp } from './measure-app.mjs';
import { measureBundle, measureRenderer } from './measure-renderer.mjs';
import {
  measureColdStart,
  measureHistoryProcess,
  measureRecordMemory,
  measureRecordProcess,
} from './measure-processes.mjs';
import { measureBulk, measureCreateOverhead, measureHistory } from './measure-services.mjs';
import { round } from './stats.mjs';
import { removeTempDirs } from './temp-dirs.mjs';

const quick = process.argv.includes('--quick');
// `--only services|cli|windows`: one group of figures (in-process services; CLI processes; renderer and app windows),
// for profiling one layer.
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? null : process.argv[onlyIndex + 1];
const GROUPS = ['services', 'cli', 'windows'];
if (only !== null && !GROUPS.includes(only))
  throw new Error(`--only: unknown group ${only} (known: ${GROUPS.join(', ')})`);
const benchStarted = performance.now();
const { startSimulator, DEMO_ACCOUNT } = await import(
  new URL('../../dist/electron/simulator/index.js', import.meta.url).href
);

const figures = [];
const step = async (label, measure) => {
  process.stderr.write(`bench: ${label}…\n`);
  const result = await measure();
  figures.push(...(Array.isArray(result) ? result : [result]));
};

// The machine is shared: its load before and after the run goes into the report, next to the figures.
const loadBefore = loadavg()[0];
// The platform's limit applies to bulk only; the other figures time Taper, not the pacing.
const fast = await startSimulator({ accounts: [DEMO_ACCOUNT], rateLimitPerSecond: 100_000 });
const limited = await startSimulator({ accounts: [DEMO_ACCOUNT] });
try {
  if (only === 'services') {
    await step('create overhead', () => measureCreateOverhead(fast.endpoint, DEMO_ACCOUNT, quick ? 50 : 500));
    await step('history', () => measureHistory(20_000));
  } else if (only === 'cli') {
    await step('cold start', () => measureColdStart(quick ? 5 : 30));
    await step('taper history process', () => measureHistoryProcess(quick ? 3 : 9));
    await step(
      'taper record process',
      async () => (await measureRecordProcess(fast.endpoint, DEMO_ACCOUNT, quick ? 3 : 15)).figures,
    );
  } else if (only === 'windows') {
    await step('renderer in chromium', () => measureRenderer(quick ? 2 : 5));
    await step('desktop app (stand-in)', () => measureApp(quick ? 2 : 5));
  } else {
    await step('cold start', () => measureColdStart(quick ? 5 : 30));
    await step('taper history process', () => measureHistoryProcess(quick ? 3 : 9));
    let cliEnv;
    await step('taper record process', async () => {
      const { figures: recordFigures, env } = await measureRecordProcess(fast.endpoint, DEMO_ACCOUNT, quick ? 3 : 15);
      cliEnv = env;
      return recordFigures;
    });
    await step('taper record memory', () => measureRecordMemory(cliEnv));
    await step('create overhead', () => measureCreateOverhead(fast.endpoint, DEMO_ACCOUNT, quick ? 50 : 500));
    await step('bulk', () => measureBulk(limited, DEMO_ACCOUNT, quick ? 40 : 200));
    await step('history', () => measureHistory(20_000));
    await step('renderer bundle', () => measureBundle());
    await step('renderer in chromium', () => measureRenderer(quick ? 2 : 5));
    await step('desktop app (stand-in)', () => measureApp(quick ? 2 : 5));
  }
} finally {
  await fast.close();
  await limited.close();
  removeTempDirs();
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  date: new Date().toISOString(),
  loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
  seconds: round((performance.now() - benchStarted) / 1000),
};
const report = { machine, figures };
// A partial run never replaces the full results.
if (!quick && only === null)
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);

const rows = figures.map((f) => [
  f.name,
  f.value === null ? 'n/a' : `${f.value} ${f.unit}`,
  f.goal,
  f.pass ? 'yes' : 'NO',
]);
const widths = [0, 1, 2, 3].map((column) =>
  Math.max(...[['figure', 'measured', 'goal', 'pass'], ...rows].map((row) => row[column].length)),
);
const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(line(['figure', 'measured', 'goal', 'pass']));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\n${figures.filter((f) => f.pass).length} of ${figures.length} goals met (${machine.cpus} cores, Node ${process.version}, ${machine.seconds} s, 1-min load ${machine.loadAverage.before} → ${machine.loadAverage.after}; shared machine, figures are noisy).`,
);
for (const f of figures) if (!f.pass) console.log(`  missed: ${f.name}: ${f.detail}`);
