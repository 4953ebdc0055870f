import { AccountTokenEntity } from '../auth/account-token.entity';
import { AccountEntity } from '../auth/account.entity';
import { RecoveryCodeEntity } from '../auth/recovery-code.entity';
import { OidcLoginEntity } from '../auth/oidc/oidc-login.entity';
import { SessionEntity } from '../auth/session.entity';
import { SignInThrottleEntity } from '../auth/sign-in-throttle.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { DirectoryChangeEntity } from '../directory/directory-change.entity';
import { DirectoryImportEntity } from '../directory/import/directory-import.entity';
import { HandoffEventEntity } from '../handoffs/handoff-event.entity';
import { HandoffIdempotencyKeyEntity } from '../handoffs/handoff-idempotency-key.entity';
import { HandoffEntity } from '../handoffs/handoff.entity';
import { JobEntity } from '../jobs/job.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { FunctionAssignmentEntity } from '../directory/function-assignment.entity';
import { OrganisationEntity } from '../directory/organisation.entity';
import { PersonEntity } from '../directory/person.entity';
import { KaderAssessmentEntity } from '../monitoring/kader-assessment.entity';
import { KaderCriteriaSetEntity } from '../monitoring/kader-criteria-set.entity';
import { KaderCriterionEntity } from '../monitoring/kader-criterion.entity';
import { PolicyDocumentEntity } from '../monitoring/policy-document.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { RegionMembershipEntity } from '../regions/region-membership.entity';
import { RegionTypeEntity } from '../regions/region-type.entity';
import { RegionEntity } from '../regions/region.entity';
import { ResponsibilityDefaultEntity } from '../responsibilities/responsibility-default.entity';
import { ResponsibilityOverrideEntity } from '../responsibilities/responsibility-override.entity';

/** Every entity of the schema; migrations must match them exactly (checked by schema-drift.int-spec). */
export const ENTITIES = [
  MunicipalityEntity,
  RegionTypeEntity,
  RegionEntity,
  RegionMembershipEntity,
  OrganisationEntity,
  PersonEntity,
  FunctionAssignmentEntity,
  DirectoryChangeEntity,
  DirectoryImportEntity,
  AccountEntity,
  SessionEntity,
  AccountTokenEntity,
  RecoveryCodeEntity,
  SignInThrottleEntity,
  OidcLoginEntity,
  AuditEventEntity,
  ResponsibilityDefaultEntity,
  ResponsibilityOverrideEntity,
  HandoffEntity,
  HandoffEventEntity,
  HandoffIdempotencyKeyEntity,
  JobEntity,
  NotificationEntity,
  KaderCriteriaSetEntity,
  KaderCriterionEntity,
  KaderAssessmentEntity,
  PolicyDocumentEntity,
];
