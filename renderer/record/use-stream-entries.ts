// The history entries of the form's stream, asked of main as the stream key is typed: the overlap warnings look at
// no other stream, and main answers from its by-stream index instead of the window holding the whole history.
import { useMemo } from 'react';
import type { StreamKey } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import { useApi } from '../api-context';
import { useLoaded } from '../use-loaded';

const NO_ENTRIES: HistoryEntry[] = [];

/**
 * The entries main has for `stream`, kept up to date with the history; none until all three names are typed. An
 * answer for a stream typed earlier may be shown for a moment: the caller matches entries to its current stream.
 */
export function useStreamEntries(stream: StreamKey): readonly HistoryEntry[] {
  const api = useApi();
  const domainName = stream.domainName.trim();
  const appName = stream.appName.trim();
  const streamName = stream.streamName.trim();
  const complete = domainName !== '' && appName !== '' && streamName !== '';
  const load = useMemo(
    () => (complete ? () => api.history.streamEntries({ stream: { domainName, appName, streamName } }) : null),
    [api, complete, domainName, appName, streamName],
  );
  return useLoaded(load, { initial: NO_ENTRIES, on: ['onHistoryChanged'] }).value;
}
