// Zod schemas for every renderer → main payload. Main parses each payload with these before it
// touches a service (STYLE.md §6: main trusts nothing from the renderer). Every object is strict
// (unknown keys rejected), every string has a maximum length and every number is a bounded integer.
// Field *rules* (name patterns, 24 h limit, ...) belong to shared/rules: these only bound the shape,
// so a request that breaks a rule still reaches the validator and comes back as per-field problems.
import { z } from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../domain.js';

/** Unix seconds from 1970 to 2100: generous, but no float, no negative, no 2^53. */
export const unixSecondsSchema = z.int().min(0).max(4_102_444_800);

const profileNameSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const taskIdSchema = z.string().min(1).max(128);
const timeZoneSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA zone name such as Asia/Shanghai');

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
  region: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'a region such as ap-guangzhou').optional(),
  endpoint: z.url({ protocol: /^https?$/ }).max(2048).optional(),
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
  'sandbox:start': noPayload,
  'record:preview': z.strictObject({ request: recordRequestSchema }),
  'record:create': z.strictObject({ request: recordRequestSchema, profile: profileNameSchema.optional() }),
  'tasks:stop': z.strictObject({ id: taskIdSchema, profile: profileNameSchema.optional() }),
  'tasks:delete': z.strictObject({ id: taskIdSchema, profile: profileNameSchema.optional() }),
  'history:list': z.strictObject({ filter: historyFilterSchema.optional() }),
  'history:export': z.strictObject({ format: z.enum(['csv', 'json']) }),
  'history:sync': noPayload,
  'live:templates': profileOption,
  'live:domains': profileOption,
  'live:stream-state': z.strictObject({ stream: streamKeySchema, profile: profileNameSchema.optional() }),
  'settings:get': noPayload,
  'settings:set': settingsPatchSchema,
} as const;
