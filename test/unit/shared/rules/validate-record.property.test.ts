// Thousands of generated requests: every bad one is refused with known codes (and never throws), every good one passes.
import fc from '../../../reliability/counted-fast-check.mjs';
import { describe, expect, it } from 'vitest';
import type { RecordRequest } from '../../../../shared/domain.js';
import { toCreateRecordTaskParams } from '../../../../shared/rules/api-params.js';
import { RECORD_PROBLEM_CODES, validateRecordRequest } from '../../../../shared/rules/validate-record.js';
import { RECORD_WARNING_CODES, recordWarnings } from '../../../../shared/rules/record-warnings.js';

const NOW = 1_795_608_000;
const DAY = 86_400;
const KNOWN_PROBLEMS = new Set<string>(RECORD_PROBLEM_CODES);
const KNOWN_WARNINGS = new Set<string>(RECORD_WARNING_CODES);
const RUNS = { numRuns: 3000 };

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const domainName = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'));
const streamName = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,128}$/);
const appName = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_.~-]{1,30}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'));
const padding = fc.constantFrom('', ' ', '  ', '\t');

/** A request the platform accepts: times inside every limit, options well-formed. */
const validRequest: fc.Arbitrary<RecordRequest> = fc
  .record({
    domainName,
    appName,
    streamName,
    pad: padding,
    startOffset: fc.option(fc.integer({ min: -3600, max: 6 * DAY }), { nil: undefined }),
    length: fc.integer({ min: 1, max: DAY }),
    streamType: fc.option(fc.constantFrom(0 as const, 1 as const), { nil: undefined }),
    templateId: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
    extension: fc.option(fc.string(), { nil: undefined }),
  })
  .map(({ pad, startOffset, length, ...rest }) => {
    const start = startOffset === undefined ? NOW : NOW + startOffset;
    // Keep the end in the future and strictly under now + 7 days.
    const end = Math.min(Math.max(start + length, NOW + 1), NOW + 7 * DAY - 1);
    const request: RecordRequest = {
      domainName: pad + rest.domainName + pad,
      appName: pad + rest.appName,
      streamName: rest.streamName + pad,
      endTime: end,
    };
    if (startOffset !== undefined) request.startTime = start;
    if (rest.streamType !== undefined) request.streamType = rest.streamType;
    if (rest.templateId !== undefined) request.templateId = rest.templateId;
    if (rest.extension !== undefined) request.extension = rest.extension;
    return request;
  })
  .filter(
    (request) => request.endTime > (request.startTime ?? NOW) && request.endTime - (request.startTime ?? NOW) <= DAY,
  );

/** One way to break a valid request, and the code that must then appear. */
const corruption: fc.Arbitrary<{ patch: Record<string, unknown>; expected: string }> = fc.oneof(
  fc
    .constantFrom(undefined, null, '', '   ')
    .map((value) => ({ patch: { domainName: value }, expected: 'DomainName.Required' })),
  fc
    .tuple(fc.constantFrom('rtmp://', 'https://', 'http://'), domainName)
    .map(([scheme, host]) => ({ patch: { domainName: scheme + host }, expected: 'DomainName.IsUrl' })),
  fc
    .tuple(domainName, fc.integer({ min: 1, max: 65535 }))
    .map(([host, port]) => ({ patch: { domainName: `${host}:${port}` }, expected: 'DomainName.IsUrl' })),
  fc
    .tuple(domainName, fc.constantFrom('_', ' ', '!', '..', '*'))
    .map(([host, bad]) => ({ patch: { domainName: host + bad + 'x' }, expected: 'DomainName.Invalid' })),
  fc
    .constantFrom(undefined, null, '', ' ')
    .map((value) => ({ patch: { appName: value }, expected: 'AppName.Required' })),
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom(' ', '?', '#', '%', '//', '\u00e9'))
    .map(([name, bad]) => ({ patch: { appName: name + bad + 'x' }, expected: 'AppName.Invalid' })),
  fc
    .integer({ min: 129, max: 400 })
    .map((length) => ({ patch: { appName: 'a'.repeat(length) }, expected: 'AppName.Invalid' })),
  fc
    .constantFrom(undefined, null, '', '\t')
    .map((value) => ({ patch: { streamName: value }, expected: 'StreamName.Required' })),
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom('/', ' ', '?', '&', '\u8282'))
    .map(([name, bad]) => ({ patch: { streamName: name + bad + 'x' }, expected: 'StreamName.Invalid' })),
  fc
    .integer({ min: 129, max: 400 })
    .map((length) => ({ patch: { streamName: 's'.repeat(length) }, expected: 'StreamName.Invalid' })),
  fc
    .constantFrom(undefined, null, Number.NaN, Infinity, -1, 1.5, '1795611600')
    .map((value) => ({ patch: { endTime: value }, expected: 'EndTime.Required' })),
  fc
    .constantFrom(null, Number.NaN, -5, 0.5, '1795611600', {})
    .map((value) => ({ patch: { startTime: value }, expected: 'StartTime.Invalid' })),
  fc
    .integer({ min: 0, max: 2 * DAY })
    .map((back) => ({ patch: { startTime: undefined, endTime: NOW - back }, expected: 'EndTime.InPast' })),
  fc.integer({ min: 0, max: DAY }).map((before) => ({
    patch: { startTime: NOW + DAY, endTime: NOW + DAY - before },
    expected: 'EndTime.NotAfterStart',
  })),
  fc
    .integer({ min: DAY + 1, max: 3 * DAY })
    .map((length) => ({ patch: { startTime: NOW + 60, endTime: NOW + 60 + length }, expected: 'Window.TooLong' })),
  fc.integer({ min: 1, max: 30 * DAY }).map((extra) => ({
    patch: { startTime: NOW + 6 * DAY + extra, endTime: NOW + 6 * DAY + extra + 60 },
    expected: 'StartTime.TooFarAhead',
  })),
  fc.integer({ min: 0, max: 30 * DAY }).map((extra) => ({
    patch: { startTime: undefined, endTime: NOW + 7 * DAY + extra },
    expected: 'EndTime.TooFarAhead',
  })),
  fc
    .oneof(
      fc.integer().filter((value) => value !== 0 && value !== 1),
      fc.constantFrom(null, '0', '1', 0.5, true),
    )
    .map((value) => ({ patch: { streamType: value }, expected: 'StreamType.Invalid' })),
  fc
    .oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.constantFrom(null, '5', 2 ** 53, true))
    .map((value) => ({ patch: { templateId: value }, expected: 'TemplateId.Invalid' })),
  fc
    .oneof(fc.integer(), fc.constantFrom(null, true, {}, []))
    .map((value) => ({ patch: { extension: value }, expected: 'Extension.Invalid' })),
);

describe('validateRecordRequest (property)', () => {
  it('accepts every generated valid request, and its API parameters carry the trimmed names', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        expect(validateRecordRequest(request, NOW)).toEqual([]);
        const params = toCreateRecordTaskParams(request);
        expect(params.DomainName).toBe(request.domainName.trim());
        expect('StartTime' in params).toBe(request.startTime !== undefined);
      }),
      RUNS,
    );
  });

  it('refuses every request with one to three corruptions, naming each with a known code', () => {
    fc.assert(
      fc.property(validRequest, fc.array(corruption, { minLength: 1, maxLength: 3 }), (request, corruptions) => {
        const patched: Record<string, unknown> = { ...request };
        // Later corruptions of the same field win; only the surviving ones must be reported.
        const expectedByField = new Map<string, string>();
        for (const { patch, expected } of corruptions) {
          Object.assign(patched, patch);
          for (const field of Object.keys(patch)) expectedByField.set(field, expected);
          if ('endTime' in patch) expectedByField.delete('startTime');
          if ('startTime' in patch && !('endTime' in patch)) expectedByField.delete('endTime');
        }
        const problems = validateRecordRequest(patched as unknown as RecordRequest, NOW);
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          expect(KNOWN_PROBLEMS.has(problem.code)).toBe(true);
          expect(problem.message.length).toBeGreaterThan(10);
        }
        const codes = problems.map((problem) => problem.code);
        for (const expected of expectedByField.values()) expect(codes).toContain(expected);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary input and only returns known codes on known fields', () => {
    const fields = [
      'domainName',
      'appName',
      'streamName',
      'startTime',
      'endTime',
      'streamType',
      'templateId',
      'extension',
      'request',
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              domainName: fc.anything(),
              appName: fc.anything(),
              streamName: fc.anything(),
              startTime: fc.anything(),
              endTime: fc.anything(),
              streamType: fc.anything(),
              templateId: fc.anything(),
              extension: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          const problems = validateRecordRequest(input as RecordRequest, NOW);
          for (const problem of problems) {
            expect(KNOWN_PROBLEMS.has(problem.code)).toBe(true);
            expect(fields).toContain(problem.field);
          }
        },
      ),
      RUNS,
    );
  });

  it('gives only known warnings, never throwing, for valid requests against random tasks', () => {
    const statuses = ['scheduled', 'recording', 'finished', 'stopped', 'deleted', 'failed', 'unknown'] as const;
    const taskWindow = fc.record({
      domainName: fc.constantFrom('a.example.com', 'b.example.com'),
      appName: fc.constantFrom('live', 'other'),
      streamName: fc.constantFrom('show', 'x'),
      taskId: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
      startTime: fc.integer({ min: NOW - DAY, max: NOW + 7 * DAY }),
      endTime: fc.integer({ min: NOW - DAY, max: NOW + 8 * DAY }),
      status: fc.constantFrom(...statuses),
    });
    fc.assert(
      fc.property(validRequest, fc.array(taskWindow, { maxLength: 8 }), (request, tasks) => {
        const warnings = recordWarnings(request, { nowSeconds: NOW, existingTasks: tasks });
        for (const warning of warnings) expect(KNOWN_WARNINGS.has(warning.code)).toBe(true);
        expect(warnings.at(-1)?.code).toBe('RecordExpires');
      }),
      { numRuns: 1000 },
    );
  });
});
