import { isTerminal, type HandoffState } from '@ketenkaart/shared-domain';
import { useTranslation } from 'react-i18next';
import { useHandoffLabels } from '../lib/labels';

/** An icon per state (hidden from screen readers) and the state in words: never colour alone (WCAG 1.4.1). */
const ICONS: Record<HandoffState, string> = {
  concept: '✎',
  verstuurd: '➜',
  geaccepteerd: '✓',
  afgewezen: '✕',
  'in-behandeling': '⋯',
  afgerond: '✔',
  ingetrokken: '↶',
  doorgestuurd: '↪',
};

export function StateBadge({ state }: { state: HandoffState }) {
  const labels = useHandoffLabels();
  const tone = isTerminal(state) ? 'closed' : state === 'concept' ? 'concept' : 'open';
  return (
    <span className={`ketenkaart-badge ketenkaart-handoff-state ketenkaart-handoff-state--${tone}`}>
      <span aria-hidden="true">{ICONS[state] ?? '•'}</span> {labels.state(state)}
    </span>
  );
}

/** "Te laat": sent and not answered by the deadline. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="ketenkaart-badge ketenkaart-handoff-overdue" title={t('handoffs.overdueLong')}>
      <span aria-hidden="true">⏱</span> <span aria-hidden="true">{t('handoffs.overdue')}</span>
      <span className="ketenkaart-visually-hidden">{t('handoffs.overdueLong')}</span>
    </span>
  );
}
