import { type Permission, SessionStage } from '@ketenkaart/shared-domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemResponseDto } from './problem-response.dto';

export const ACCESS_METADATA = 'ketenkaart:access';

/** What a route requires. Routes without one are refused by the global guard (deny by default). */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in'; stages: readonly SessionStage[] }
  | { kind: 'permission'; permission: Permission };

const CSRF_HEADER_DOC = ApiHeader({
  name: 'X-CSRF-Token',
  required: false,
  description: 'Required on POST/PATCH/PUT/DELETE with a session cookie: the value of the kk_csrf cookie.',
});

const signedInDocs = () =>
  applyDecorators(
    ApiCookieAuth('session'),
    ApiBearerAuth(),
    CSRF_HEADER_DOC,
    ApiUnauthorizedResponse({
      type: ProblemResponseDto,
      description: 'Not signed in, or the session expired.',
    }),
    ApiForbiddenResponse({
      type: ProblemResponseDto,
      description: 'Missing permission, second factor or CSRF token.',
    }),
  );

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/**
 * Any signed-in account. By default the session must be complete (second factor passed where required);
 * `stages` opens a route to a session that still has to pass or enrol the second factor.
 */
export const SignedIn = (options: { stages?: readonly SessionStage[] } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'signed-in',
      stages: options.stages ?? [SessionStage.complete],
    } satisfies AccessRule),
    signedInDocs(),
  );

/** Only a caller holding `permission` (through a role, in a complete session) may call this route. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule),
    signedInDocs(),
  );
