// The small slice of conf the services use, so tests can pass a plain object and the services never know which.

/** A typed JSON document on disk, read and written key by key. */
export interface KeyValueStore<T extends Record<string, unknown>> {
  /** The value stored under `key` (the schema default when absent). */
  get<K extends keyof T & string>(key: K): T[K];
  set<K extends keyof T & string>(key: K, value: T[K]): void;
  delete(key: keyof T & string): void;
  /** The file behind the store (for messages and tests). */
  readonly path: string;
  /** Awaited before the first set or delete by stores that open their writer lazily (settings-store.ts). */
  prepareWrites?(): Promise<void>;
}

/** Adapts a conf-like instance: conf's overloaded signatures are narrowed to the interface above. */
export function asKeyValueStore<T extends Record<string, unknown>>(store: {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
}): KeyValueStore<T> {
  return {
    get: (key) => store.get(key) as T[typeof key],
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    get path() {
      return store.path;
    },
  };
}
