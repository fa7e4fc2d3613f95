// A recording created as a chain: one recording, each link with its TaskId (or when it will be created), the push
// countdown when the first link records from now on, and the warnings that applied.
import type { ChainLinkOutcome, ChainOutcome } from '../../shared/ipc/contract';
import { describeError } from '../../shared/errors/catalog';
import { formatUnix } from '../../shared/time/format-unix';
import { CopyButton } from '../copy-button';
import { useT } from '../i18n/i18n';
import { PushCountdown } from './countdown';
import { CreatedFooter } from './created-footer';

interface Props {
  outcome: ChainOutcome;
  /** When the answer arrived (epoch ms), for the push countdown. */
  createdAtMs: number;
  timeZone: string;
  onAnother: () => void;
}

export function ChainResult({ outcome, createdAtMs, timeZone, onAnother }: Props) {
  const { t } = useT();
  const { stream, links } = outcome;
  const created = links.filter((link) => link.taskId !== null).length;
  const first = links[0];
  // A first link that begins now records from the moment it is created: the push must wait 3 s, as for one task.
  const startsNow = first !== undefined && first.status === 'created' && first.startTime * 1000 <= createdAtMs + 3_000;
  return (
    <section className="result created chain" aria-labelledby="result-title">
      <h2 id="result-title">{t('chain.createdTitle', { count: links.length })}</h2>
      <p className="stream-line mono">
        {stream.domainName}/{stream.appName}/{stream.streamName}
      </p>
      <p className="hint">
        {t('chain.createdSummary', { created, planned: links.filter((link) => link.status === 'planned').length })}
      </p>
      <ol className="chain-links result-links">
        {links.map((link) => (
          <ChainResultLink key={link.index} link={link} timeZone={timeZone} />
        ))}
      </ol>
      <p className="hint mono">{t('chain.recordingId', { id: outcome.recordingId })}</p>
      {startsNow ? <PushCountdown createdAtMs={createdAtMs} /> : null}
      <CreatedFooter warnings={outcome.warnings} onAnother={onAnother} />
    </section>
  );
}

function ChainResultLink({ link, timeZone }: { link: ChainLinkOutcome; timeZone: string }) {
  const { t, language } = useT();
  return (
    <li className="chain-link" data-status={link.status}>
      <span className="link-index">{t('chain.link', { index: link.index + 1 })}</span>
      <span className="link-window">
        {formatUnix(link.startTime, timeZone, language)} → {formatUnix(link.endTime, timeZone, language)}
      </span>
      {link.taskId !== null ? (
        <span>
          <span className="mono" data-testid="chain-task-id">
            {link.taskId}
          </span>{' '}
          <CopyButton value={link.taskId} label={`${t('record.taskId')} ${link.index + 1}`} />
        </span>
      ) : link.status === 'planned' && link.createAt !== null ? (
        <span className="tag planned">
          {t('chain.plannedFor', { time: formatUnix(link.createAt, timeZone, language) })}
        </span>
      ) : (
        <span className="tag error">
          {t(`linkStatus.${link.status}`)}
          {link.error === null ? null : ` — ${describeError(link.error, language).title}`}
        </span>
      )}
    </li>
  );
}
