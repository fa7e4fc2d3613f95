// The chain a long or far-ahead window becomes, shown while typing (nothing is sent yet): each link's window in the
// form's zone, whether its task is created right away or planned, and when Taper will create a planned one.
import type { ChainPreview } from '../../shared/schedule/chain-preview';
import { formatUnix } from '../../shared/time/format-unix';
import { useT } from '../i18n/i18n';

interface Props {
  chain: ChainPreview;
  /** The form's zone for typed times. */
  timeZone: string;
}

export function ChainPreviewList({ chain, timeZone }: Props) {
  const { t, language } = useT();
  const planned = chain.links.filter((link) => link.createAt !== null).length;
  return (
    <section className="chain-preview" aria-labelledby="chain-title" data-testid="chain-preview">
      <h3 id="chain-title">{t('chain.title', { count: chain.links.length })}</h3>
      <p className="hint">{planned === 0 ? t('chain.allNow') : t('chain.someLater', { planned })}</p>
      <ol className="chain-links">
        {chain.links.map((link) => (
          <li key={link.index} className="chain-link" data-planned={link.createAt !== null}>
            <span className="link-index">{t('chain.link', { index: link.index + 1 })}</span>
            <span className="link-window">
              {formatUnix(link.startTime, timeZone, language)} → {formatUnix(link.endTime, timeZone, language)}
            </span>
            <span className={link.createAt === null ? 'tag now' : 'tag planned'}>
              {link.createAt === null
                ? t('chain.createdNow')
                : t('chain.plannedFor', { time: formatUnix(link.createAt, timeZone, language) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
