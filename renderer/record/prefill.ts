// Fields the tray asked to fill in (record this stream again, say), over the form's empty ones.
import type { RecordPrefill } from '../../shared/ipc/contract';
import { withOffset, type FormFields } from './form-model';

export function applyPrefill(fields: FormFields, prefill: RecordPrefill | undefined, timeZone: string): FormFields {
  if (prefill === undefined) return fields;
  return {
    ...fields,
    domainName: prefill.domainName ?? fields.domainName,
    appName: prefill.appName ?? fields.appName,
    streamName: prefill.streamName ?? fields.streamName,
    from: prefill.startTime === undefined ? fields.from : withOffset(prefill.startTime, timeZone),
    ...(prefill.endTime === undefined
      ? {}
      : { endMode: 'until' as const, until: withOffset(prefill.endTime, timeZone) }),
    templateId: prefill.templateId === undefined ? fields.templateId : String(prefill.templateId),
    mixed: prefill.streamType === undefined ? fields.mixed : prefill.streamType === 1,
  };
}
