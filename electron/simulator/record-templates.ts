// The account's recording templates: the two every demo account starts with, and those CreateLiveRecordTemplate adds,
// checked as the platform checks them (a name of letters, digits, `_` and `-`; at least one format enabled; a segment
// length of 30 to 120 minutes; a storage time in seconds, 0 for permanent; at most 50 templates).
import { apiError, apiOk, type ApiOutcome } from './api-error.js';
import { DEFAULT_TEMPLATES, type SimulatedTemplate } from './catalog.js';

const FORMATS = ['Flv', 'Hls', 'Mp4', 'Aac', 'Mp3'] as const;
const MAX_TEMPLATES = 50;

export interface TemplateCatalog {
  list(): SimulatedTemplate[];
  create(params: Record<string, unknown>): ApiOutcome<{ TemplateId: number }>;
}

function describe(format: string, storageSeconds: number): string {
  const kept = storageSeconds === 0 ? 'kept permanently' : `kept ${Math.round(storageSeconds / 86_400)} days`;
  return `${format.toUpperCase()}, ${kept}`;
}

export function createTemplateCatalog(): TemplateCatalog {
  const templates: SimulatedTemplate[] = [...DEFAULT_TEMPLATES];
  let nextId = Math.max(...templates.map((template) => template.TemplateId)) + 1;
  return {
    list: () => templates.map((template) => ({ ...template })),
    create(params) {
      const name = params['TemplateName'];
      if (typeof name !== 'string' || !/^[\p{L}\p{N}_-]{1,30}$/u.test(name))
        return apiError('InvalidParameter.ArgsNotMatch', 'TemplateName: only letters, digits, _ and - are allowed.');
      if (templates.length >= MAX_TEMPLATES) return apiError('LimitExceeded', 'At most 50 recording templates.');
      if (templates.some((template) => template.TemplateName === name))
        return apiError('InvalidParameterValue', `A template named ${name} exists.`);
      const enabled = FORMATS.filter(
        (format) => (params[`${format}Param`] as { Enable?: unknown } | undefined)?.Enable === 1,
      );
      if (enabled.length === 0)
        return apiError(
          'InvalidParameter',
          'Enable at least one recording format (FlvParam, HlsParam, Mp4Param, AacParam or Mp3Param).',
        );
      const first = params[`${enabled[0]}Param`] as { StorageTime?: unknown; RecordInterval?: unknown };
      const storage = first.StorageTime ?? 0;
      if (typeof storage !== 'number' || !Number.isInteger(storage) || storage < 0)
        return apiError('InvalidParameter', 'StorageTime must be a whole number of seconds, 0 for permanent.');
      const interval = first.RecordInterval;
      if (interval !== undefined && (typeof interval !== 'number' || interval < 1800 || interval > 7200))
        return apiError('InvalidParameter', 'RecordInterval must be from 1800 to 7200 seconds.');
      const template: SimulatedTemplate = {
        TemplateId: nextId,
        TemplateName: name,
        Description:
          typeof params['Description'] === 'string' && params['Description'] !== ''
            ? params['Description']
            : describe(enabled[0] ?? 'Mp4', storage),
      };
      nextId += 1;
      templates.push(template);
      return apiOk({ TemplateId: template.TemplateId });
    },
  };
}
