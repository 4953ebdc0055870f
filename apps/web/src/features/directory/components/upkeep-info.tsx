import { DataListItem } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';

/** "Laatst geverifieerd op … door …", as a row of the entry's data list. */
export function LastVerifiedItem({ at, by }: { at: string | null; by: string | null }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(at, i18n.language);
  let text = t('directory.upkeep.neverVerified');
  if (at && by) text = t('directory.upkeep.verifiedOnBy', { date, by });
  else if (at) text = t('directory.upkeep.verifiedOn', { date });
  return <DataListItem label={t('directory.upkeep.lastVerified')}>{text}</DataListItem>;
}
