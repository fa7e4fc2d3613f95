// Flags for Debian's Chromium in tests and the bench: no sandbox (root in CI), no GPU, and no background
// traffic (this machine's network is closed; Chromium's own calls would be refused, many at a time).
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--allow-file-access-from-files',
];
