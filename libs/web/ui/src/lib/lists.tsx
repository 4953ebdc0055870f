import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export function UnorderedList({ className, ...props }: ComponentPropsWithRef<'ul'>) {
  return <ul className={classNames('utrecht-unordered-list', className)} {...props} />;
}

export function UnorderedListItem({ className, ...props }: ComponentPropsWithRef<'li'>) {
  return <li className={classNames('utrecht-unordered-list__item', className)} {...props} />;
}
