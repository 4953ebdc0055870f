export { Alert, type AlertProps, type AlertType } from './lib/alert';
export { Button, ButtonGroup, type ButtonAppearance, type ButtonProps } from './lib/button';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './lib/error-summary';
export {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  type CheckboxProps,
  type FieldsetProps,
} from './lib/fieldset';
export { LevelBadge, type LevelBadgeProps, type ResponsibilityLevelName } from './lib/level-badge';
export { DataList, DataListItem, type DataListItemProps } from './lib/data-list';
export {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
  type SelectProps,
  type TextboxProps,
} from './lib/form';
export { UnorderedList, UnorderedListItem } from './lib/lists';
export { Page, PageContent, PageFooter, PageHeader, PageMain } from './lib/page';
export { SkipLink } from './lib/skip-link';
export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type TableCellProps,
  type TableHeaderCellProps,
} from './lib/table';
export {
  Heading,
  Link,
  Paragraph,
  VisuallyHidden,
  type HeadingLevel,
  type HeadingProps,
  type ParagraphProps,
} from './lib/typography';
