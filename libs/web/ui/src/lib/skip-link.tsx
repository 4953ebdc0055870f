import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export function SkipLink({ className, children, ...props }: ComponentPropsWithRef<'a'>) {
  return (
    <a
      className={classNames('utrecht-skip-link', 'utrecht-skip-link--visible-on-focus', className)}
      {...props}
    >
      {children}
    </a>
  );
}
