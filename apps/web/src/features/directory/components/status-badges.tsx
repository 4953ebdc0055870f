import { useTranslation } from 'react-i18next';

type Tone = 'vacant' | 'stale' | 'archived' | 'remote' | 'ended';

const ICONS: Record<Tone, string> = { vacant: '⚠', stale: '⏱', archived: '▣', remote: '↔', ended: '–' };

/**
 * A flag that never relies on colour alone (WCAG 1.4.1): an icon (hidden from screen readers) and a word,
 * with the full explanation as visually hidden text where the short word is not enough.
 */
function Badge({ tone, label, long }: { tone: Tone; label: string; long?: string }) {
  return (
    <span className={`ketenkaart-badge ketenkaart-badge--${tone}`} title={long}>
      <span aria-hidden="true" className="ketenkaart-badge__icon">
        {ICONS[tone]}
      </span>{' '}
      {long ? (
        <>
          <span aria-hidden="true">{label}</span>
          <span className="ketenkaart-visually-hidden">{long}</span>
        </>
      ) : (
        label
      )}
    </span>
  );
}

export function VacantBadge() {
  const { t } = useTranslation();
  return <Badge tone="vacant" label={t('directory.status.vacant')} long={t('directory.status.vacantLong')} />;
}

export function StaleBadge() {
  const { t } = useTranslation();
  return <Badge tone="stale" label={t('directory.status.stale')} long={t('directory.status.staleLong')} />;
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return <Badge tone="archived" label={t('directory.status.archived')} />;
}

export function RemoteBadge() {
  const { t } = useTranslation();
  return <Badge tone="remote" label={t('directory.status.opAfstand')} />;
}

export function EndedBadge() {
  const { t } = useTranslation();
  return <Badge tone="ended" label={t('directory.status.ended')} />;
}

/** Stale and archived flags of any directory entry. */
export function UpkeepBadges({ stale, archivedAt }: { stale: boolean; archivedAt: string | null }) {
  if (!stale && !archivedAt) return null;
  return (
    <span className="ketenkaart-badges">
      {archivedAt ? <ArchivedBadge /> : null}
      {stale ? <StaleBadge /> : null}
    </span>
  );
}
