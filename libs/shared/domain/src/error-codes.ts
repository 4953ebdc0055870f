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
  regionTypeNotEditable: 'region_type_not_editable',
  unknownMunicipality: 'unknown_municipality',
  unknownRegionType: 'unknown_region_type',
  duplicateRegionCode: 'duplicate_region_code',
  invalidPeriod: 'invalid_period',
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
