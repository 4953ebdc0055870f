import type { ComponentPropsWithRef, CSSProperties } from 'react';
import { classNames } from './class-names';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingProps extends ComponentPropsWithRef<'h1'> {
  level: HeadingLevel;
}

export function Heading({ level, className, ...props }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag className={classNames(`utrecht-heading-${level}`, className)} {...props} />;
}

export interface ParagraphProps extends ComponentPropsWithRef<'p'> {
  lead?: boolean;
  small?: boolean;
}

export function Paragraph({ lead, small, className, ...props }: ParagraphProps) {
  return (
    <p
      className={classNames(
        'utrecht-paragraph',
        lead && 'utrecht-paragraph--lead',
        small && 'utrecht-paragraph--small',
        className,
      )}
      {...props}
    />
  );
}

export function Link({ className, children, ...props }: ComponentPropsWithRef<'a'>) {
  return (
    <a className={classNames('utrecht-link', 'utrecht-link--html-a', className)} {...props}>
      {children}
    </a>
  );
}

// Inline so the component works without any stylesheet of this library.
const visuallyHiddenStyle: CSSProperties = {
  position: 'absolute',
  inlineSize: '1px',
  blockSize: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Hidden on screen, read by assistive technology. */
export function VisuallyHidden({ style, ...props }: ComponentPropsWithRef<'span'>) {
  return <span style={{ ...visuallyHiddenStyle, ...style }} {...props} />;
}
