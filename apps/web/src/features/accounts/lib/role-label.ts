import type { Role } from '@ketenkaart/shared-domain';
import type { TFunction } from 'i18next';

export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role as Exclude<Role, 'public'>}`);
}
