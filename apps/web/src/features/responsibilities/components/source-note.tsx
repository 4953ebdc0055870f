import { useTranslation } from 'react-i18next';

export interface SourceNoteProps {
  source: { title: string; reference: string | null; url: string | null };
}

/** "Bron: …" with the document reference, and a link when the source has a URL. */
export function SourceNote({ source }: SourceNoteProps) {
  const { t } = useTranslation();
  return (
    <span className="ketenkaart-source">
      {t('responsibilities.source')}:{' '}
      {source.url ? (
        <a className="utrecht-link utrecht-link--html-a" href={source.url} rel="noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {source.reference ? ` — ${source.reference}` : null}
    </span>
  );
}
