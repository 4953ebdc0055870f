import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useResponsibilityGaps, type ResponsibilityGap } from '../api/get-responsibility-gaps';
import { useLabels } from '../hooks/use-labels';

const linkClass = 'utrecht-link utrecht-link--html-a';

/**
 * "Knelpunten wie doet wat" on the region page (issue 5, point 3): every task and form that has no lead,
 * two leads, or a lead organisation without an active contact in the region, with a link to the matrix.
 */
export function ResponsibilityGaps({ region }: { region: { id: string; typeCode: string; name: string } }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useResponsibilityGaps(region);
  // Region types that hold no agreements (RIEC, zorgcoördinatie, …) have no wie-doet-wat check.
  if (!data && !error && !isLoading) return null;
  const matrixHref = `${paths.responsibilities.getHref()}?${new URLSearchParams({ regio: region.id }).toString()}`;
  return (
    <section aria-labelledby="chain-gaps">
      <Heading level={2} id="chain-gaps">
        {t('directory.chain.gaps.heading')}
      </Heading>
      {error ? <ProblemAlert problem={error} /> : null}
      {isLoading ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        data.gaps.length === 0 ? (
          <Paragraph>{t('directory.chain.gaps.none')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('directory.chain.gaps.intro', { count: data.gaps.length })}</Paragraph>
            <ul>
              {data.gaps.map((gap, index) => (
                <GapItem key={`${gap.task}|${gap.kind}|${index}`} gap={gap} />
              ))}
            </ul>
          </>
        )
      ) : null}
      <Paragraph>
        <Link className={linkClass} to={matrixHref}>
          {t('directory.chain.gaps.matrixLink', { name: region.name })}
        </Link>
      </Paragraph>
    </section>
  );
}

function GapItem({ gap }: { gap: ResponsibilityGap }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const task = t(`responsibilities.task.${gap.task}` as never, { defaultValue: gap.task }) as string;
  const where = gap.allCombinations
    ? t('directory.chain.gaps.allCombinations')
    : gap.combinations
        .map(
          (combination) =>
            `${labels.exploitationForm(combination.exploitationForm)} – ${labels.targetGroup(combination.targetGroup)}`,
        )
        .join('; ');
  const who = [
    ...gap.organisations.map((organisation) => organisation.name),
    ...(gap.organisations.length ? [] : gap.organisationTypes.map((type) => labels.organisationType(type))),
  ].join(', ');
  return (
    <li>
      <strong>{task}</strong> ({where}):{' '}
      {t(`directory.chain.gaps.kind.${gap.kind}` as never, { defaultValue: gap.kind }) as string}
      {who ? ` — ${who}` : null}
    </li>
  );
}
