import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';

export function DataList({ className, ...props }: ComponentPropsWithRef<'dl'>) {
  return <dl className={classNames('utrecht-data-list', 'utrecht-data-list--rows', className)} {...props} />;
}

export interface DataListItemProps {
  label: ReactNode;
  children: ReactNode;
}

export function DataListItem({ label, children }: DataListItemProps) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}
