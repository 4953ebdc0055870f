import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export function Page({ className, ...props }: ComponentPropsWithRef<'div'>) {
  return <div className={classNames('utrecht-page', className)} {...props} />;
}

export function PageHeader({ className, children, ...props }: ComponentPropsWithRef<'header'>) {
  return (
    <header className={classNames('utrecht-page-header', className)} {...props}>
      <div className="utrecht-page-header__content">{children}</div>
    </header>
  );
}

export function PageContent({ className, ...props }: ComponentPropsWithRef<'div'>) {
  return <div className={classNames('utrecht-page-content', className)} {...props} />;
}

/** The `<main>` landmark; `tabIndex={-1}` lets the skip link move focus here. */
export function PageMain({ className, ...props }: ComponentPropsWithRef<'main'>) {
  return <main tabIndex={-1} className={classNames('utrecht-page-content__main', className)} {...props} />;
}

export function PageFooter({ className, children, ...props }: ComponentPropsWithRef<'footer'>) {
  return (
    <footer className={classNames('utrecht-page-footer', className)} {...props}>
      <div className="utrecht-page-footer__content">{children}</div>
    </footer>
  );
}
