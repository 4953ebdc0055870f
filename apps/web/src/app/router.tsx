import { Permission } from '@ketenkaart/shared-domain';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { paths } from '../config/paths';
import { AppLoading } from './layout/app-loading';
import { AppShell } from './layout/app-shell';
import { RequireSession } from './layout/require-session';
import { RouteError } from './routes/route-error';

/** The shell loads eagerly; every page is its own chunk. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: paths.home.path,
      Component: AppShell,
      HydrateFallback: AppLoading,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            { index: true, element: <Navigate to={paths.regions.getHref()} replace /> },
            {
              path: paths.regions.path,
              lazy: () => import('./routes/regions').then((module) => ({ Component: module.RegionsRoute })),
            },
            // Sociale kaart (issue 3): one lazy chunk for every directory page.
            {
              path: paths.directory.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.DirectorySearchRoute })),
            },
            {
              path: paths.organisationNew.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.OrganisationNewRoute })),
            },
            {
              path: paths.organisation.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.OrganisationRoute })),
            },
            {
              path: paths.organisationEdit.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.OrganisationEditRoute })),
            },
            {
              path: paths.organisationHistory.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({
                  Component: module.OrganisationHistoryRoute,
                })),
            },
            {
              path: paths.personNew.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.PersonNewRoute })),
            },
            {
              path: paths.person.path,
              lazy: () => import('./routes/directory').then((module) => ({ Component: module.PersonRoute })),
            },
            {
              path: paths.personEdit.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.PersonEditRoute })),
            },
            {
              path: paths.personHistory.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.PersonHistoryRoute })),
            },
            {
              path: paths.directoryImport.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.DirectoryImportRoute })),
            },
            {
              path: paths.functionNew.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.FunctionNewRoute })),
            },
            {
              path: paths.functionEdit.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.FunctionEditRoute })),
            },
            {
              path: paths.functionHistory.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.FunctionHistoryRoute })),
            },
            {
              path: paths.regionChain.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.RegionChainRoute })),
            },
            {
              path: paths.municipalityChain.path,
              lazy: () =>
                import('./routes/directory').then((module) => ({ Component: module.MunicipalityChainRoute })),
            },
            // Identity (issue 4): public sign-in pages, then pages behind a session and a permission.
            // Wie doet wat (issue 5): public pages, one lazy chunk.
            {
              path: paths.responsibilities.path,
              lazy: () =>
                import('./routes/responsibilities').then((module) => ({
                  Component: module.ResponsibilitiesRoute,
                })),
            },
            {
              path: paths.responsibilityLookup.path,
              lazy: () =>
                import('./routes/responsibilities').then((module) => ({
                  Component: module.ResponsibilityLookupRoute,
                })),
            },
            {
              path: paths.signIn.path,
              lazy: () => import('./routes/sign-in').then((module) => ({ Component: module.SignInRoute })),
            },
            {
              path: paths.secondFactor.path,
              lazy: () =>
                import('./routes/second-factor').then((module) => ({ Component: module.SecondFactorRoute })),
            },
            {
              path: paths.invitation.path,
              lazy: () =>
                import('./routes/invitation').then((module) => ({ Component: module.InvitationRoute })),
            },
            {
              path: paths.passwordReset.path,
              lazy: () =>
                import('./routes/password-reset').then((module) => ({
                  Component: module.PasswordResetRoute,
                })),
            },
            {
              element: <RequireSession />,
              children: [
                {
                  path: paths.myAccount.path,
                  lazy: () =>
                    import('./routes/my-account').then((module) => ({ Component: module.MyAccountRoute })),
                },
                {
                  path: paths.twoFactorEnrolment.path,
                  lazy: () =>
                    import('./routes/two-factor-enrolment').then((module) => ({
                      Component: module.TwoFactorEnrolmentRoute,
                    })),
                },
              ],
            },
            {
              element: <RequireSession permission={Permission.accountManage} />,
              children: [
                {
                  path: paths.accounts.path,
                  lazy: () =>
                    import('./routes/accounts').then((module) => ({ Component: module.AccountsRoute })),
                },
                {
                  path: paths.accountNew.path,
                  lazy: () =>
                    import('./routes/account-new').then((module) => ({ Component: module.AccountNewRoute })),
                },
                {
                  path: paths.account.path,
                  lazy: () =>
                    import('./routes/account-detail').then((module) => ({
                      Component: module.AccountDetailRoute,
                    })),
                },
              ],
            },
            // Monitoring (issue 7): dashboards and the report for monitoring roles, assessment entry with kader.assess.
            {
              element: <RequireSession />,
              children: [
                {
                  path: paths.monitoring.path,
                  lazy: () =>
                    import('./routes/monitoring').then((module) => ({
                      Component: module.MonitoringDashboardRoute,
                    })),
                },
                {
                  path: paths.monitoringReport.path,
                  lazy: () =>
                    import('./routes/monitoring').then((module) => ({
                      Component: module.MonitoringReportRoute,
                    })),
                },
              ],
            },
            {
              element: <RequireSession permission={Permission.kaderAssess} />,
              children: [
                {
                  path: paths.municipalityAssessment.path,
                  lazy: () =>
                    import('./routes/monitoring').then((module) => ({
                      Component: module.MunicipalityAssessmentRoute,
                    })),
                },
                {
                  path: paths.regionAssessment.path,
                  lazy: () =>
                    import('./routes/monitoring').then((module) => ({
                      Component: module.RegionAssessmentRoute,
                    })),
                },
              ],
            },
            {
              element: <RequireSession permission={Permission.auditRead} />,
              children: [
                {
                  path: paths.auditTrail.path,
                  lazy: () =>
                    import('./routes/audit-trail').then((module) => ({ Component: module.AuditTrailRoute })),
                },
              ],
            },
            // Hand-offs (issue 6): each page behind the permission its API needs; the record itself is
            // visible to whoever the API lets see it.
            {
              element: <RequireSession permission={Permission.handoffWrite} />,
              children: [
                {
                  path: paths.handoffNew.path,
                  lazy: () =>
                    import('./routes/handoffs').then((module) => ({ Component: module.HandoffNewRoute })),
                },
                {
                  path: paths.handoffOutbox.path,
                  lazy: () =>
                    import('./routes/handoffs').then((module) => ({ Component: module.HandoffOutboxRoute })),
                },
                {
                  path: paths.handoffEdit.path,
                  lazy: () =>
                    import('./routes/handoffs').then((module) => ({ Component: module.HandoffEditRoute })),
                },
              ],
            },
            {
              element: <RequireSession permission={Permission.handoffInbox} />,
              children: [
                {
                  path: paths.handoffInbox.path,
                  lazy: () =>
                    import('./routes/handoffs').then((module) => ({ Component: module.HandoffInboxRoute })),
                },
              ],
            },
            {
              element: <RequireSession />,
              children: [
                {
                  path: paths.handoff.path,
                  lazy: () =>
                    import('./routes/handoffs').then((module) => ({ Component: module.HandoffRoute })),
                },
              ],
            },
            // Notifications (issue 6): every signed-in account has its own.
            {
              element: <RequireSession />,
              children: [
                {
                  path: paths.notifications.path,
                  lazy: () =>
                    import('./routes/notifications').then((module) => ({
                      Component: module.NotificationsRoute,
                    })),
                },
              ],
            },
            {
              path: '*',
              lazy: () =>
                import('./routes/not-found').then((module) => ({ Component: module.NotFoundRoute })),
            },
          ],
        },
      ],
    },
  ]);
}
