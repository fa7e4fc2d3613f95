// Zod schemas for every renderer → main payload. Main parses each payload with these before it
// touches a service (docs/style.md §6: main trusts nothing from the renderer). Every object is strict
// (unknown keys rejected), every string has a maximum length and every number is a bounded integer.
// Field *rules* (name patterns, 24 h limit, ...) belong to shared/rules: these only bound the shape,
// so a request that breaks a rule still reaches the validator and comes back as per-field problems.
import { z } from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../domain.js';
import { MAX_IMPORT_CSV_CHARS } from './series-import-types.js';
import { TEMPLATE_FORMATS } from '../rules/record-template.js';

/** Unix seconds from 1970 to 2100: generous, but no float, no negative, no 2^53. */
export const unixSecondsSchema = z.int().min(0).max(4_102_444_800);

const profileNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const taskIdSchema = z.string().min(1).max(128);
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA zone name such as Asia/Shanghai');

export const recordRequestSchema = z.strictObject({
  domainName: z.string().max(253),
  appName: z.string().max(128),
  streamName: z.string().max(128),
  startTime: unixSecondsSchema.optional(),
  endTime: unixSecondsSchema,
  streamType: z.union([z.literal(0), z.literal(1)]).optional(),
  templateId: z.int().min(0).max(2_147_483_647).optional(),
  extension: z.string().max(1024).optional(),
});

export const streamKeySchema = z.strictObject({
  domainName: z.string().min(1).max(253),
  appName: z.string().min(1).max(128),
  streamName: z.string().min(1).max(128),
});

export const newProfileSchema = z.strictObject({
  name: profileNameSchema,
  secretId: z.string().min(1).max(128),
  secretKey: z.string().min(1).max(128),
  token: z.string().min(1).max(8192).optional(),
  region: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'a region such as ap-guangzhou')
    .optional(),
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});

export const historyFilterSchema = z.strictObject({
  stream: z.string().max(128).optional(),
  status: z.enum(TASK_STATUSES as [TaskStatus, ...TaskStatus[]]).optional(),
  from: unixSecondsSchema.optional(),
  until: unixSecondsSchema.optional(),
});

export const settingsPatchSchema = z.strictObject({
  language: z.enum(['en', 'zh-CN']).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  launchAtLogin: z.boolean().optional(),
  defaultTimeZone: timeZoneSchema.nullable().optional(),
  showTimeZone: timeZoneSchema.nullable().optional(),
});

/** A recording id: a UUID, or `<series id>@YYYY-MM-DD` for a series occurrence, or a history entry id. */
const recordingIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'a recording id');
/** At most this many recordings acknowledged in one call ('all' covers more). */
export const MAX_ACKNOWLEDGE_IDS = 500;

/** A series id (a UUID from addSeries). */
const seriesIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a series id');
const isoWeekdaySchema = z.literal([1, 2, 3, 4, 5, 6, 7]);
/** Shape only: the series rules (wall time, zone, 24 h) are checked by validateSeries and come back as problems. */
const seriesScheduleFields = {
  daysOfWeek: z.array(isoWeekdaySchema).max(7),
  startWallTime: z.string().max(16),
  durationSeconds: z
    .int()
    .min(0)
    .max(7 * 86_400),
  timeZone: z.string().max(64),
};
export const newSeriesSchema = z.strictObject({
  stream: z.strictObject({
    domainName: z.string().max(253),
    appName: z.string().max(128),
    streamName: z.string().max(128),
  }),
  ...seriesScheduleFields,
  templateId: z.int().min(0).max(2_147_483_647).optional(),
  streamType: z.union([z.literal(0), z.literal(1)]).optional(),
  name: z.string().max(128).optional(),
});
export const seriesPatchSchema = z.strictObject({
  daysOfWeek: seriesScheduleFields.daysOfWeek.optional(),
  startWallTime: seriesScheduleFields.startWallTime.optional(),
  durationSeconds: seriesScheduleFields.durationSeconds.optional(),
  timeZone: seriesScheduleFields.timeZone.optional(),
  templateId: z.int().min(0).max(2_147_483_647).nullable().optional(),
  name: z.string().max(128).optional(),
});
/** One occurrence's new start and/or length; the rules (HH:MM, 24 h) are checked by validateSeries. */
export const occurrencePatchSchema = z.strictObject({
  startWallTime: seriesScheduleFields.startWallTime.optional(),
  durationSeconds: seriesScheduleFields.durationSeconds.optional(),
});
const importFileSchema = { csv: z.string().max(MAX_IMPORT_CSV_CHARS), timeZone: timeZoneSchema };

const noPayload = z.undefined();
const profileOption = z.strictObject({ profile: profileNameSchema.optional() });

/** One schema per channel; main parses `payload` with `requestSchemas[channel]`. */
export const requestSchemas = {
  'app:info': noPayload,
  'profiles:list': noPayload,
  'profiles:add': newProfileSchema,
  'profiles:remove': z.strictObject({ name: profileNameSchema }),
  'profiles:set-default': z.strictObject({ name: profileNameSchema }),
  'profiles:test': z.strictObject({ name: profileNameSchema.optional() }),
  /** The template a profile's records use when they name none; null clears it. */
  'profiles:set-default-template': z.strictObject({
    profile: profileNameSchema,
    templateId: z.int().min(1).max(2_147_483_647).nullable(),
  }),
  'sandbox:start': noPayload,
  /** A simulated push from now on; main refuses it unless the app runs the sandbox. */
  'sandbox:push': z.strictObject({
    domain: z.string().trim().min(1).max(253),
    app: z.string().trim().min(1).max(128),
    stream: z.string().trim().min(1).max(128),
    forSeconds: z.int().min(1).max(86_400),
  }),
  'record:preview': z.strictObject({ request: recordRequestSchema }),
  'record:create': z.strictObject({ request: recordRequestSchema, profile: profileNameSchema.optional() }),
  'tasks:stop': z.strictObject({ id: taskIdSchema, profile: profileNameSchema.optional() }),
  'tasks:delete': z.strictObject({ id: taskIdSchema, profile: profileNameSchema.optional() }),
  'history:list': z.strictObject({ filter: historyFilterSchema.optional() }),
  'history:choices': noPayload,
  'history:stream-entries': z.strictObject({ stream: streamKeySchema }),
  'history:export': z.strictObject({ format: z.enum(['csv', 'json']) }),
  'history:sync': noPayload,
  'live:templates': profileOption,
  'live:domains': profileOption,
  /** Shape only: the name pattern and the ranges are validateTemplate's (shared with `taper templates add`). */
  'templates:add': z.strictObject({
    template: z.strictObject({
      name: z.string().max(64),
      format: z.enum(TEMPLATE_FORMATS),
      keepDays: z.int().min(0).max(100_000),
      segmentMinutes: z.int().min(0).max(10_000).optional(),
      description: z.string().max(256).optional(),
    }),
    profile: profileNameSchema.optional(),
  }),
  'live:stream-state': z.strictObject({ stream: streamKeySchema, profile: profileNameSchema.optional() }),
  'settings:get': noPayload,
  'settings:set': settingsPatchSchema,
  'recordings:stop': z.strictObject({ recordingId: recordingIdSchema, profile: profileNameSchema.optional() }),
  'recordings:delete': z.strictObject({ recordingId: recordingIdSchema, profile: profileNameSchema.optional() }),
  'plans:list': noPayload,
  'alerts:list': noPayload,
  'alerts:acknowledge': z.union([
    z.strictObject({ recordingIds: z.array(recordingIdSchema).min(1).max(MAX_ACKNOWLEDGE_IDS) }),
    z.strictObject({ all: z.literal(true) }),
    // Outcome alerts (a window that recorded nothing or with gaps): their history entry ids.
    z.strictObject({ outcomeIds: z.array(recordingIdSchema).min(1).max(MAX_ACKNOWLEDGE_IDS) }),
  ]),
  'series:list': noPayload,
  'series:add': z.strictObject({ series: newSeriesSchema, profile: profileNameSchema.optional() }),
  'series:update': z.strictObject({
    id: seriesIdSchema,
    patch: seriesPatchSchema,
    profile: profileNameSchema.optional(),
  }),
  'series:remove': z.strictObject({ id: seriesIdSchema }),
  'series:cancel-occurrence': z.strictObject({
    id: seriesIdSchema,
    date: z.string().max(10),
    profile: profileNameSchema.optional(),
  }),
  'series:edit-occurrence': z.strictObject({
    id: seriesIdSchema,
    date: z.string().max(10),
    patch: occurrencePatchSchema,
    profile: profileNameSchema.optional(),
  }),
  'import:preview': z.strictObject(importFileSchema),
  /** `skipInvalid`: send the valid rows although others are invalid (as `taper import --skip-invalid`). */
  'import:run': z.strictObject({
    ...importFileSchema,
    skipInvalid: z.boolean(),
    profile: profileNameSchema.optional(),
  }),
  'import:status': noPayload,
  /** A recording file's URL from the history; main opens it only if it is on Tencent Cloud's VOD hosts. */
  'files:open': z.strictObject({ url: z.string().min(1).max(4096) }),
} as const;
