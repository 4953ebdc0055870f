import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export function Table({ className, ...props }: ComponentPropsWithRef<'table'>) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
      <table className={classNames('utrecht-table', 'utrecht-table--html-table', className)} {...props} />
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentPropsWithRef<'caption'>) {
  return <caption className={classNames('utrecht-table__caption', className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentPropsWithRef<'thead'>) {
  return <thead className={classNames('utrecht-table__header', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentPropsWithRef<'tbody'>) {
  return <tbody className={classNames('utrecht-table__body', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentPropsWithRef<'tr'>) {
  return <tr className={classNames('utrecht-table__row', className)} {...props} />;
}

export interface TableHeaderCellProps extends ComponentPropsWithRef<'th'> {
  numeric?: boolean;
}

export function TableHeaderCell({ numeric, className, ...props }: TableHeaderCellProps) {
  return (
    <th
      className={classNames(
        'utrecht-table__header-cell',
        numeric && 'utrecht-table__header-cell--numeric-column',
        className,
      )}
      {...props}
    />
  );
}

export interface TableCellProps extends ComponentPropsWithRef<'td'> {
  numeric?: boolean;
}

export function TableCell({ numeric, className, ...props }: TableCellProps) {
  return (
    <td
      className={classNames('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data', className)}
      {...props}
    />
  );
}
