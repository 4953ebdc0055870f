import { classNames } from './class-names';
import { VisuallyHidden } from './typography';

export type ResponsibilityLevelName = 'lead' | 'contributes' | 'refers-on' | 'not-responsible';

/** A glyph per level, so the level reads without colour (WCAG 1.4.1); the text label is always shown too. */
const GLYPHS: Record<ResponsibilityLevelName, string> = {
  lead: '●',
  contributes: '◐',
  'refers-on': '→',
  'not-responsible': '✕',
};

export interface LevelBadgeProps {
  level: ResponsibilityLevelName;
  /** The full label, e.g. "Verantwoordelijk (L)". */
  label: string;
  /** Show only the short code next to the glyph (dense tables); the label stays for assistive technology. */
  compact?: boolean;
  className?: string;
}

/** A level of the wie-doet-wat matrix: glyph + text + border pattern, colour only as an extra. */
export function LevelBadge({ level, label, compact, className }: LevelBadgeProps) {
  const short = /\(([^)]+)\)\s*$/.exec(label)?.[1] ?? label;
  return (
    <span className={classNames('ketenkaart-level', `ketenkaart-level--${level}`, className)}>
      <span className="ketenkaart-level__glyph" aria-hidden="true">
        {GLYPHS[level]}
      </span>
      {compact ? (
        <>
          <span aria-hidden="true">{short}</span>
          <VisuallyHidden>{label}</VisuallyHidden>
        </>
      ) : (
        <span>{label}</span>
      )}
    </span>
  );
}
