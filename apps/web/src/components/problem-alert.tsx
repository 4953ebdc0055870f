import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { NETWORK_ERROR_STATUS } from '@ketenkaart/web-api-client';
import { Alert, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';

export interface ProblemAlertProps {
  problem: ProblemDetails;
}

/** Shows the API's own explanation (`detail`) and the correlation id that support needs to trace it. */
export function ProblemAlert({ problem }: ProblemAlertProps) {
  const { t } = useTranslation();
  const message =
    problem.status === NETWORK_ERROR_STATUS
      ? t('errors.network')
      : (problem.detail ?? (problem.code === 'not_found' ? t('errors.not_found') : t('errors.generic')));
  return (
    <Alert type="error">
      <Paragraph>{message}</Paragraph>
      {problem.correlationId ? (
        <Paragraph small>{t('errors.correlationId', { id: problem.correlationId })}</Paragraph>
      ) : null}
    </Alert>
  );
}
