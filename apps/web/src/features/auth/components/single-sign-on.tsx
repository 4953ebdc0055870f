import { SSO_ERROR_PARAM, SsoError } from '@ketenkaart/shared-domain';
import { Alert, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSsoInfo } from '../api/get-sso-info';

export interface SingleSignOnProps {
  returnTo?: string;
}

/**
 * "Inloggen met <identity provider>" when single sign-on is configured, and the explanation after the provider
 * sent the browser back without a session (`?sso-fout=`), focused. The link is a plain top-level navigation: the API
 * redirects to the provider and, afterwards, to the next sign-in step.
 */
export function SingleSignOn({ returnTo }: SingleSignOnProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { data } = useSsoInfo();
  const messages: Record<SsoError, string> = {
    [SsoError.noAccess]: t('auth.sso.errors.noAccess'),
    [SsoError.cancelled]: t('auth.sso.errors.cancelled'),
    [SsoError.failed]: t('auth.sso.errors.failed'),
    [SsoError.unavailable]: t('auth.sso.errors.unavailable'),
    [SsoError.expired]: t('auth.sso.errors.expired'),
  };
  const error = searchParams.get(SSO_ERROR_PARAM);
  const known = error !== null && Object.hasOwn(messages, error) ? (error as SsoError) : undefined;
  const message = known ? messages[known] : undefined;
  const alertRef = useRef<HTMLDivElement>(null);
  // The page opens on this message (a redirect from the API): focus it, so a screen reader reads it first and a
  // keyboard user starts from it; an alert already in the page when it loads is not announced by every reader.
  useEffect(() => {
    if (known) alertRef.current?.focus();
  }, [known]);
  const enabled = data?.enabled === true && data.loginPath !== undefined;
  const href =
    enabled && returnTo ? `${data.loginPath}?returnTo=${encodeURIComponent(returnTo)}` : data?.loginPath;
  return (
    <>
      {message ? (
        <Alert type="error" ref={alertRef} tabIndex={-1}>
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
      {enabled ? (
        <div>
          <Paragraph>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={href}
            >
              {t('auth.sso.signIn', { name: data.displayName ?? 'SSO' })}
            </a>
          </Paragraph>
          <Paragraph>{t('auth.sso.orPassword')}</Paragraph>
        </div>
      ) : null}
    </>
  );
}
