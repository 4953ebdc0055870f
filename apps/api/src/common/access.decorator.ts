import type { Permission } from '@ketenkaart/shared-domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const ACCESS_METADATA = 'ketenkaart:access';

/** What a route requires. Routes without one are refused by the global guard (deny by default). */
export type AccessRule = { kind: 'public' } | { kind: 'permission'; permission: Permission };

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Only a caller holding `permission` may call this route. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: 'Signed in without this permission.' }),
  );
