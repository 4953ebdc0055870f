import { createBrowserRouter, Navigate } from 'react-router-dom';
import { paths } from '../config/paths';
import { AppLoading } from './layout/app-loading';
import { AppShell } from './layout/app-shell';
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
