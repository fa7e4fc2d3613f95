// Why a settled window came out as it did, in the UI's language. The history stores the English sentence of
// `taper files`; the same facts (gaps, pushes) are stored beside it, so the sentence is rebuilt here for any language.
import type { HistoryEntry } from '../../shared/history';
import { intersectSpans, MIN_RECORDED_PUSH_SECONDS } from '../../shared/recordings/outcome';
import type { Translate } from '../i18n/i18n';

export function outcomeReasonText(t: Translate, entry: HistoryEntry): string | null {
  const detail = entry.outcomeDetail;
  if (entry.outcome === undefined || detail === undefined) return null;
  switch (entry.outcome) {
    case 'recorded':
      return t('files.reason.recorded');
    case 'partial': {
      const lost = detail.gaps.filter((gap) => gap.pushed === true).length;
      return lost > 0
        ? t('files.reason.partialLost', { count: detail.gaps.length, lost })
        : t('files.reason.partial', { count: detail.gaps.length });
    }
    case 'nothing': {
      if (detail.pushes === null) return t('files.reason.pushesUnknown');
      const window = { startTime: entry.startTime ?? entry.createdAt, endTime: entry.endTime };
      const pushed = intersectSpans(detail.pushes, [window]);
      if (pushed.length === 0) return t('files.reason.neverPushed');
      const longest = Math.max(...pushed.map((span) => span.endTime - span.startTime));
      return longest < MIN_RECORDED_PUSH_SECONDS ? t('files.reason.tooShort') : t('files.reason.noFile');
    }
  }
}
