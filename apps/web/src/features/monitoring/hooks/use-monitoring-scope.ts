import { Permission } from '@ketenkaart/shared-domain';
import { useSession } from '../../../lib/session';

/**
 * What the signed-in role sees on the dashboards (issue 7): national roles (aggregates.read: beheerder,
 * landelijk monitor) choose any region or the whole country; a ketenregisseur sees only their own regions.
 * The API enforces the same; this only decides what to offer.
 */
export function useMonitoringScope() {
  const { can, account } = useSession();
  const nationwide = can(Permission.aggregatesRead);
  return {
    nationwide,
    ownRegionIds: account?.regionIds ?? [],
    canAssess: can(Permission.kaderAssess),
    canSeeFigures: nationwide || can(Permission.handoffFiguresRead),
    /** Whether this role may open the dashboards at all. */
    canMonitor: nationwide || can(Permission.kaderAssess) || can(Permission.handoffFiguresRead),
  };
}
