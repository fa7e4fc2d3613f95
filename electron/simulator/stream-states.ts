// What DescribeLiveStreamState reports per stream: set by tests and the sandbox, read by the action.

export type StreamState = 'active' | 'inactive' | 'forbid';

/** A stream as the Live API names it. */
export interface StreamKey {
  domainName: string;
  appName: string;
  streamName: string;
}

export interface StreamStates {
  /** The state set for the stream; inactive when none was. */
  get(stream: StreamKey): StreamState;
  set(stream: StreamKey, state: StreamState): void;
}

const streamId = (s: StreamKey): string => `${s.domainName}/${s.appName}/${s.streamName}`;

export function createStreamStates(): StreamStates {
  const states = new Map<string, StreamState>();
  return {
    get: (stream) => states.get(streamId(stream)) ?? 'inactive',
    set(stream, state) {
      states.set(streamId(stream), state);
    },
  };
}
