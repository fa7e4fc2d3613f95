// One bulk run in a fresh process, as a bulk import would start: `count` sequential recorder.record calls through
// ONE composed services instance (one shared rate limiter), the first of them loading the SDK.
// Usage: node bulk-process.mjs COUNT DATA_DIR   (TAPER_ENDPOINT and TENCENTCLOUD_* in the environment)
// Prints { seconds, failed, surfaced, doneAtMs[] } as JSON.
const { createNodeServices } = await import(new URL('../../dist/electron/services/create-node-services.js', import.meta.url).href);

const [count, dataDir] = [Number(process.argv[2]), process.argv[3]];
const services = await createNodeServices({ env: process.env, clock: Date.now, dataDir });
const now = Math.floor(Date.now() / 1000);
let failed = 0;
let surfaced = 0;
const doneAtMs = [];
const started = performance.now();
for (let index = 0; index < count; index += 1) {
  const outcome = await services.recorder.record({
    domainName: 'bench.livepush.example.com',
    appName: 'live',
    streamName: `bench-bulk-${index}`,
    startTime: now + 600,
    endTime: now + 4200,
    templateId: 1,
  });
  doneAtMs.push(performance.now() - started);
  if (!outcome.ok) {
    failed += 1;
    if (outcome.error.code.startsWith('RequestLimitExceeded')) surfaced += 1;
  }
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, failed, surfaced, doneAtMs }));
