// The services the app (IPC handlers, tray) and the CLI drive. One composition builds them
// (createTaperCore, electron/services/taper-core.ts); everything else depends on these interfaces only.
// The values that cross to the renderer are declared once, in shared/ipc/types.ts.
import type { Clock } from '../../shared/clock.js';
import type { RateLimiter } from './live-api/rate-limiter.js';
import type { RecordRequest, StreamKey } from '../../shared/domain.js';
import type {
  NewProfile,
  ProfileCheck,
  ProfileSummary,
  RecordOutcome,
  RecordPreview,
  SyncReport,
} from '../../shared/ipc/types.js';
import type { HistoryEntry, HistoryFilter } from '../../shared/history.js';
import type { Result } from '../../shared/result.js';
import type { Credentials, LiveApi } from './live-api/live-api.js';

/** Credentials ready for a call; only main and the CLI ever hold one. */
export interface ResolvedProfile {
  /** Profile name, or null for TENCENTCLOUD_* environment credentials. */
  profile: string | null;
  credentials: Credentials;
  region: string;
  endpoint: string | null;
}

export interface ProfilesPort {
  add(input: NewProfile): Promise<Result<ProfileSummary>>;
  list(): Promise<Result<ProfileSummary[]>>;
  remove(name: string): Promise<Result<void>>;
  setDefault(name: string): Promise<Result<void>>;
  /** The profile's template for records that name none (null clears it); name undefined: the default profile. */
  setDefaultTemplate(name: string | undefined, templateId: number | null): Promise<Result<ProfileSummary>>;
  resolve(name?: string): Promise<Result<ResolvedProfile>>;
}

export interface HistoryPort {
  list(filter?: HistoryFilter): Promise<Result<HistoryEntry[]>>;
  /**
   * The entries of one stream (domain case-insensitive, names trimmed: the overlap rules' "same stream"), newest
   * first; answered from an index, not the whole sorted list. Optional: callers without it use list().
   */
  listStream?(key: StreamKey): Promise<Result<HistoryEntry[]>>;
  append(entry: Omit<HistoryEntry, 'id' | 'updatedAt'> & { id?: string }): Promise<Result<HistoryEntry>>;
  update(id: string, patch: Partial<Omit<HistoryEntry, 'id'>>): Promise<Result<HistoryEntry>>;
  findByTaskId(taskId: string): Promise<Result<HistoryEntry | null>>;
  mutate<T>(change: (entries: HistoryEntry[]) => { entries: HistoryEntry[]; result: T }): Promise<Result<T>>;
  exportCsv(filter?: HistoryFilter): Promise<Result<string>>;
  exportJson(filter?: HistoryFilter): Promise<Result<string>>;
}

export interface AccountOptions {
  /** Profile name; omitted: environment credentials, else the default profile. */
  profile?: string;
  /** Region override for this call. */
  region?: string;
}

export interface RecordService {
  /** Validation and warnings (overlaps from the local history), no network. */
  preview(request: RecordRequest): Promise<RecordPreview>;
  /**
   * Validates, calls CreateRecordTask and writes the attempt to the history whatever happens.
   * Failure codes: `Taper.InvalidInput` (with problems; nothing sent), Tencent codes (entry `failed`),
   * `Taper.UnknownOutcome` (entry `unknown`, resolved later by sync; never retried blindly).
   */
  record(request: RecordRequest, options?: AccountOptions): Promise<Result<RecordOutcome>>;
  /** StopRecordTask for a history entry (by local id or TaskId); the entry becomes `stopped`. */
  stop(idOrTaskId: string, options?: AccountOptions): Promise<Result<HistoryEntry>>;
  /** DeleteRecordTask; the entry becomes `deleted` (kept in the history). */
  remove(idOrTaskId: string, options?: AccountOptions): Promise<Result<HistoryEntry>>;
}

export interface SyncService {
  /** Statuses from DescribeRecordTask over the last 90 days (7-day windows); resolves unknown outcomes. */
  run(options?: AccountOptions): Promise<Result<SyncReport>>;
  /** Unix seconds of the last successful sync, or null. */
  lastSyncedAt(): Promise<number | null>;
}

export interface AppServices {
  clock: Clock;
  /**
   * The pacing of this process's Live calls (20/s), shared by every Live client it makes: a client made elsewhere (the
   * recording-files lookups of a sync) takes it too, or its first calls would be refused after the sync's own.
   */
  liveRateLimiter?: RateLimiter;
  profiles: ProfilesPort;
  history: HistoryPort;
  recorder: RecordService;
  sync: SyncService;
  /** A cheap signed describe call with the profile's keys. */
  checkProfile(name?: string): Promise<Result<ProfileCheck>>;
  /** A Live API client for the chosen credentials (templates, domains, stream state). */
  liveApi(options?: AccountOptions): Promise<Result<LiveApi>>;
}

export type {
  NewProfile,
  ProfileCheck,
  ProfileCheckStatus,
  ProfileSummary,
  RecordOutcome,
  RecordPreview,
  SyncReport,
} from '../../shared/ipc/types.js';
