import { Role, SessionStage } from '@ketenkaart/shared-domain';
import { makePrincipal } from '../common/principal';

/** The "who" of changes the job queue makes on its own (escalations, retention) in the timeline and audit trail. */
export const JOB_PRINCIPAL = makePrincipal({
  kind: 'service',
  accountId: null,
  actor: 'system:job-queue',
  roles: [Role.public],
  stage: SessionStage.complete,
});
