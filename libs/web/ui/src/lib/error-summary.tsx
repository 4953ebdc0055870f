import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';

export interface ErrorSummaryItem {
  /** The id of the control the message is about; the link moves focus there. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps extends Omit<ComponentPropsWithRef<'div'>, 'title'> {
  title: ReactNode;
  items: ErrorSummaryItem[];
}

/**
 * The list of what went wrong above a form, each message a link to its field (WCAG 3.3.1, GOV.UK and
 * NL Design System pattern). The caller moves focus here after a failed submit; it takes `tabIndex={-1}`.
 */
export function ErrorSummary({ title, items, className, children, ...props }: ErrorSummaryProps) {
  return (
    <div
      tabIndex={-1}
      className={classNames('utrecht-alert', 'utrecht-alert--error', 'ketenkaart-error-summary', className)}
      {...props}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-2 ketenkaart-error-summary__title">{title}</h2>
          {items.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {items.map((item) => (
                <li className="utrecht-unordered-list__item" key={`${item.fieldId}:${item.message}`}>
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${item.fieldId}`}
                    onClick={(event) => {
                      // Focus the control itself (a plain fragment link only scrolls in some browsers).
                      const field = document.getElementById(item.fieldId);
                      if (field) {
                        event.preventDefault();
                        field.focus();
                      }
                    }}
                  >
                    {item.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {children}
        </div>
      </div>
    </div>
  );
}
