import { Permission } from '@ketenkaart/shared-domain';
import { onSessionLost } from '@ketenkaart/web-api-client';
import { useEffect } from 'react';
import { invalidateQueries } from '../../../lib/use-query';
import { useSessionInfo } from '../api/get-session';
import { DIRECTORY_KEY } from '../api/query-keys';

/**
 * What the current session may do in the directory. The UI hides what the API would forbid (the API still
 * decides); while the session loads, or for the public, nothing is permitted.
 */
export function useDirectoryPermissions() {
  const { data } = useSessionInfo();
  useEffect(() => onSessionLost(() => invalidateQueries(DIRECTORY_KEY)), []);
  const permissions: readonly string[] =
    data?.authenticated && data.stage === 'complete' ? data.permissions : [];
  return {
    canWrite: permissions.includes(Permission.directoryWrite),
    canSeeConfidential: permissions.includes(Permission.directoryConfidentialRead),
  };
}
