import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export type ButtonAppearance = 'primary-action' | 'secondary-action' | 'subtle';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  appearance?: ButtonAppearance;
  busy?: boolean;
}

export function Button({
  appearance = 'secondary-action',
  busy,
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      className={classNames(
        'utrecht-button',
        `utrecht-button--${appearance}`,
        busy && 'utrecht-button--busy',
        className,
      )}
      {...props}
    />
  );
}

export function ButtonGroup({ className, ...props }: ComponentPropsWithRef<'div'>) {
  return <div className={classNames('utrecht-button-group', className)} {...props} />;
}
