// The history's filters: a search over streams and TaskIds, a status, and a date range.
import { TASK_STATUSES, type TaskStatus } from '../../shared/domain';
import { useT } from '../i18n/i18n';

export interface Filters {
  search: string;
  status: TaskStatus | '';
  /** `<input type=date>` values; empty: open. */
  fromDate: string;
  untilDate: string;
}

export const NO_FILTERS: Filters = { search: '', status: '', fromDate: '', untilDate: '' };

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

export function HistoryFilters({ filters, onChange }: Props) {
  const { t } = useT();
  return (
    <div className="filters">
      <div className="field">
        <label htmlFor="history-search">{t('history.search')}</label>
        <input
          id="history-search"
          type="search"
          value={filters.search}
          onChange={(event) => onChange({ search: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="history-status">{t('history.status')}</label>
        <select
          id="history-status"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value as TaskStatus | '' })}
        >
          <option value="">{t('history.allStatuses')}</option>
          {TASK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="history-from">{t('history.from')}</label>
        <input
          id="history-from"
          type="date"
          value={filters.fromDate}
          onChange={(event) => onChange({ fromDate: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="history-until">{t('history.until')}</label>
        <input
          id="history-until"
          type="date"
          value={filters.untilDate}
          onChange={(event) => onChange({ untilDate: event.target.value })}
        />
      </div>
    </div>
  );
}
