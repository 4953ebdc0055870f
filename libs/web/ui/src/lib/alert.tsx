import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps extends ComponentPropsWithRef<'div'> {
  type?: AlertType;
}

/** Errors and warnings interrupt (role="alert"); info and ok are announced politely (role="status"). */
export function Alert({ type = 'info', className, children, ...props }: AlertProps) {
  const role = type === 'error' || type === 'warning' ? 'alert' : 'status';
  return (
    <div className={classNames('utrecht-alert', `utrecht-alert--${type}`, className)} {...props}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role={role}>
          {children}
        </div>
      </div>
    </div>
  );
}
