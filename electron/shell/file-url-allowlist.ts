// Which recording-file URLs main may hand to the OS (`files:open`, then shell.openExternal): https on Tencent Cloud's
// VOD hosts only. The URL comes from the history, which the renderer also reads, so main treats it as untrusted: a
// `javascript:` or `file:` URL, a lookalike host or a userinfo trick must never reach the OS's URL handlers.
// Pure, so every accepted and refused form is a unit test.

/**
 * Host suffixes of Tencent Cloud's VOD media (`1500000000.vod2.myqcloud.com`, older `*.vod.qcloud.com`, COS-backed
 * `*.myqcloud.com`). Matched at a label boundary: `evilmyqcloud.com` is not `*.myqcloud.com`.
 */
export const RECORDING_FILE_HOST_SUFFIXES: readonly string[] = ['.myqcloud.com', '.qcloud.com'];

/** The URL's host when main may open it, else null. */
export function allowedRecordingFileHost(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  // `https://x.myqcloud.com@evil.com/` parses with host evil.com; any userinfo at all is refused outright.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null;
  const host = parsed.hostname.toLowerCase();
  return RECORDING_FILE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
    ? host
    : null;
}

export function isAllowedRecordingFileUrl(url: string): boolean {
  return allowedRecordingFileHost(url) !== null;
}
