import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';
import { ProblemException } from './problem.exception';

/** class-validator reports an unknown property under this constraint name. */
const UNKNOWN_PROPERTY = 'whitelistValidation';

function flatten(errors: ValidationError[], prefix = ''): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) =>
      rule === UNKNOWN_PROPERTY
        ? { name, code: 'unknown_field', reason: `'${name}' is not a known field.` }
        : { name, code: rule, reason: message },
    );
    return [...own, ...flatten(error.children ?? [], name)];
  });
}

/**
 * Global validation: unknown fields are refused (not silently dropped), values are converted to the DTO's
 * types, and every failure becomes one problem+json listing each invalid field with a stable code.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const invalidParams = flatten(errors);
      const detail = invalidParams.map((param) => param.reason).join(' ');
      return new ProblemException(400, ErrorCode.validationFailed, detail, invalidParams);
    },
  });
}

/**
 * A finite number with at most `places` decimals. Replaces class-validator's `IsNumber({ maxDecimalPlaces })`,
 * which throws (a 500) on a fraction written in exponent notation such as 5e-323 (found by the API fuzzer).
 * Keeps the constraint name `isNumber`, so clients see the same `invalidParams` code as before.
 */
export function IsNumberWithDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  const factor = 10 ** places;
  return ValidateBy(
    {
      name: 'isNumber',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.round(value * factor) / factor === value,
        defaultMessage: () => `$property must be a number with at most ${places} decimal(s)`,
      },
    },
    options,
  );
}
