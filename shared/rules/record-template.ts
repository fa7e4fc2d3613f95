// What CreateLiveRecordTemplate accepts, checked before anything is sent: `taper templates add` and the app's
// Settings take the same inputs under the same rules, so a template refused in one is refused in the other.

export const TEMPLATE_FORMATS = ['mp4', 'hls', 'flv', 'aac'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** The platform's TemplateName: 1 to 30 letters (any script), digits, `_` or `-`. */
export const TEMPLATE_NAME_PATTERN = /^[\p{L}\p{N}_-]{1,30}$/u;
/** How long VOD keeps the files, days; 0 is permanently (billed until deleted). */
export const MAX_KEEP_DAYS = 3650;
/** Length of each file, minutes. */
export const MIN_SEGMENT_MINUTES = 30;
export const MAX_SEGMENT_MINUTES = 120;

/** A template as the user describes it (CLI flags, the Settings form). */
export interface TemplateInput {
  name: string;
  format: TemplateFormat;
  keepDays: number;
  segmentMinutes?: number;
}

export type TemplateProblemCode = 'Template.NameInvalid' | 'Template.KeepDaysInvalid' | 'Template.SegmentInvalid';

export interface TemplateProblem {
  code: TemplateProblemCode;
  field: 'name' | 'keepDays' | 'segmentMinutes';
  /** English, for the CLI and the IPC error. */
  message: string;
}

const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** Every problem at once (empty: it may be sent). */
export function validateTemplate(input: TemplateInput): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!TEMPLATE_NAME_PATTERN.test(input.name))
    problems.push({
      code: 'Template.NameInvalid',
      field: 'name',
      message: `Template name ${JSON.stringify(input.name)}: use 1 to 30 letters, digits, _ or -; nothing was sent.`,
    });
  if (!wholeIn(input.keepDays, 0, MAX_KEEP_DAYS))
    problems.push({
      code: 'Template.KeepDaysInvalid',
      field: 'keepDays',
      message: `Keep days: a whole number of days from 0 to ${MAX_KEEP_DAYS} (0: permanently).`,
    });
  if (input.segmentMinutes !== undefined && !wholeIn(input.segmentMinutes, MIN_SEGMENT_MINUTES, MAX_SEGMENT_MINUTES))
    problems.push({
      code: 'Template.SegmentInvalid',
      field: 'segmentMinutes',
      message: `Segment length: a whole number of minutes from ${MIN_SEGMENT_MINUTES} to ${MAX_SEGMENT_MINUTES}.`,
    });
  return problems;
}
