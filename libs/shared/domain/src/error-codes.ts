/**
 * Stable error codes carried in every problem+json body (`code`). The web client switches on these
 * and translates them; never change the meaning of an existing code.
 */
export const ErrorCode = {
  validationFailed: 'validation_failed',
  invalidJson: 'invalid_json',
  unsupportedMediaType: 'unsupported_media_type',
  payloadTooLarge: 'payload_too_large',
  notFound: 'not_found',
  routeNotFound: 'route_not_found',
  methodNotAllowed: 'method_not_allowed',
  conflict: 'conflict',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  /** The record lies outside the caller's regions (a ketenregisseur editing another region's entry). */
  outOfScope: 'out_of_scope',
  regionTypeNotEditable: 'region_type_not_editable',
  unknownMunicipality: 'unknown_municipality',
  unknownRegionType: 'unknown_region_type',
  duplicateRegionCode: 'duplicate_region_code',
  invalidPeriod: 'invalid_period',
  unknownRegion: 'unknown_region',
  unknownOrganisation: 'unknown_organisation',
  unknownPerson: 'unknown_person',
  duplicateExternalKey: 'duplicate_external_key',
  versionConflict: 'version_conflict',
  entryArchived: 'entry_archived',
  invalidFunctionScope: 'invalid_function_scope',
  trainingDateNotApplicable: 'training_date_not_applicable',
  organisationCycle: 'organisation_cycle',
  /** Sign-in refused: wrong e-mail address or password (never says which). */
  invalidCredentials: 'invalid_credentials',
  /** Too many failed sign-ins; wait `Retry-After` seconds. */
  signInThrottled: 'sign_in_throttled',
  /** The TOTP or recovery code is wrong, or was used already. */
  invalidSecondFactor: 'invalid_second_factor',
  /** Single sign-on: the callback's `state` is unknown, expired, used already or belongs to another browser. */
  ssoStateInvalid: 'sso_state_invalid',
  /** The session still needs the second factor before this route. */
  secondFactorRequired: 'second_factor_required',
  /** The role needs two-factor sign-in: enrol an authenticator app first. */
  twoFactorEnrolmentRequired: 'two_factor_enrolment_required',
  /** No TOTP enrolment is pending or enabled for this action. */
  twoFactorNotEnrolled: 'two_factor_not_enrolled',
  /** The session expired (idle or absolute); sign in again. */
  sessionExpired: 'session_expired',
  /** State-changing request without a matching X-CSRF-Token header, or from a foreign origin. */
  csrfFailed: 'csrf_failed',
  /** The password is shorter than 12 characters, too long, or in the list of common passwords. */
  weakPassword: 'weak_password',
  /** The current password given to change it is wrong. */
  wrongPassword: 'wrong_password',
  /** The invitation or reset link is unknown, expired or used already. */
  invalidLink: 'invalid_link',
  /** An account with this e-mail address exists already. */
  duplicateEmail: 'duplicate_email',
  /** The account is active already, so it cannot be invited again. */
  accountAlreadyActive: 'account_already_active',
  /** A beheerder cannot disable their own account or take away their own beheerder role. */
  ownAccountLockout: 'own_account_lockout',
  /** E-mail cannot be sent (no SMTP_URL in production, or the mail server refused). */
  mailUnavailable: 'mail_unavailable',
  /** A security setting the action needs is missing on the server (e.g. TOTP_ENCRYPTION_KEY in production). */
  serviceNotConfigured: 'service_not_configured',
  /** Wie-doet-wat matrix: the task code is not one of RESPONSIBILITY_TASKS. */
  unknownTask: 'unknown_task',
  /** The exploitation form is not one of EXPLOITATION_FORMS. */
  unknownExploitationForm: 'unknown_exploitation_form',
  /** The target group is not one of TARGET_GROUPS. */
  unknownTargetGroup: 'unknown_target_group',
  /** The responsibility level is not lead, contributes, refers-on or not-responsible. */
  unknownResponsibilityLevel: 'unknown_responsibility_level',
  /** The organisation type is not one of ORGANISATION_TYPES. */
  unknownOrganisationType: 'unknown_organisation_type',
  /** The lookup need is not one of LOOKUP_NEEDS. */
  unknownNeed: 'unknown_need',
  /** Regional agreements are kept for ketenregie regions and veiligheidsregio's only. */
  regionTypeNotSupported: 'region_type_not_supported',
  /** The named organisation is not of the organisation type of the cell. */
  organisationTypeMismatch: 'organisation_type_mismatch',
  /** Another agreement for the same cell and region is in force or proposed for an overlapping period. */
  overlappingOverride: 'overlapping_override',
  /** Another organisation type already leads this task for this form and target group in the region. */
  secondLead: 'second_lead',
  /** Only a proposed agreement can be approved or rejected. */
  overrideNotProposed: 'override_not_proposed',
  /** A free-text field holds identifying data (BSN, date, phone, e-mail, address, IBAN); `invalidParams` names the field and kind. */
  identifyingData: 'identifying_data',
  /** The hand-off path needs the person's consent before it is sent, and the sender is not exempt. */
  consentRequired: 'consent_required',
  /** The transition is not possible from the hand-off's state, for the caller's side, or lacks an input. */
  transitionNotAllowed: 'transition_not_allowed',
  /** Only a concept hand-off can be edited. */
  handoffNotEditable: 'handoff_not_editable',
  /** The Idempotency-Key was used before with a different request body. */
  idempotencyKeyReused: 'idempotency_key_reused',
  /** The account is not linked to an organisation, so it cannot send or receive hand-offs. */
  accountWithoutOrganisation: 'account_without_organisation',
  /** A Kader assessment names a criterion code that is not in the criteria set of the period. */
  unknownKaderCriterion: 'unknown_kader_criterion',
  /** No Kader criteria set is valid for the period. */
  noKaderCriteriaSet: 'no_kader_criteria_set',
  databaseUnavailable: 'database_unavailable',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid field in a validation problem (`invalidParams`). */
export interface InvalidParam {
  /** Dotted path of the field, e.g. `municipalityCodes.2` or query key `type`. */
  name: string;
  /** Stable machine code of the rule that failed, e.g. `isString`, `unknown_field`. */
  code: string;
  reason: string;
}

/** RFC 9457 problem details as Ketenkaart returns them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  correlationId?: string;
  invalidParams?: InvalidParam[];
}
