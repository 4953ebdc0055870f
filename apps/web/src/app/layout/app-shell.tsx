import { Page, PageContent, PageFooter, PageHeader, PageMain, Paragraph, SkipLink } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { paths } from '../../config/paths';
import { IdentityNavItems, SessionMenu } from './session-menu';
import { LanguageSwitch } from './language-switch';

const MAIN_CONTENT_ID = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className="utrecht-theme utrecht-document ketenkaart-app">
      <div className="ketenkaart-skip-links">
        <SkipLink href={`#${MAIN_CONTENT_ID}`}>{t('app.skipToContent')}</SkipLink>
      </div>
      <Page className="ketenkaart-page">
        <PageHeader className="ketenkaart-header">
          <Link className="ketenkaart-brand" to={paths.home.getHref()}>
            <span className="ketenkaart-brand__name">{t('app.name')}</span>
            <span className="ketenkaart-brand__tagline">{t('app.tagline')}</span>
          </Link>
          <nav className="ketenkaart-nav" aria-label={t('app.mainNavigation')}>
            <ul className="ketenkaart-nav__list">
              <li>
                <NavLink
                  className="utrecht-link utrecht-link--html-a ketenkaart-nav__link"
                  to={paths.regions.path}
                >
                  {t('nav.regions')}
                </NavLink>
              </li>
              <li>
                <NavLink
                  className="utrecht-link utrecht-link--html-a ketenkaart-nav__link"
                  to={paths.directory.path}
                >
                  {t('nav.directory')}
                </NavLink>
              </li>
              <li>
                <NavLink
                  className="utrecht-link utrecht-link--html-a ketenkaart-nav__link"
                  to={paths.responsibilities.path}
                >
                  {t('nav.responsibilities')}
                </NavLink>
              </li>
              <li>
                <NavLink
                  className="utrecht-link utrecht-link--html-a ketenkaart-nav__link"
                  to={paths.responsibilityLookup.path}
                >
                  {t('nav.responsibilityLookup')}
                </NavLink>
              </li>
              <IdentityNavItems />
            </ul>
          </nav>
          {/* Its own row, always there and as high as the language button: the session's entries fill it when
              they arrive instead of growing the header and pushing the page down (layout shift). */}
          <div className="ketenkaart-header__bar">
            <SessionMenu />
            <div className="ketenkaart-header__language">
              <LanguageSwitch />
            </div>
          </div>
        </PageHeader>
        <PageContent className="ketenkaart-content">
          <PageMain id={MAIN_CONTENT_ID}>
            <Outlet />
          </PageMain>
        </PageContent>
        <PageFooter className="ketenkaart-footer">
          <Paragraph>{t('app.footerText')}</Paragraph>
          <Paragraph small>{t('app.footerData')}</Paragraph>
        </PageFooter>
      </Page>
    </div>
  );
}
