/** Every route of the app, so links and the router never spell a URL twice. */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  regions: {
    path: '/regios',
    getHref: (search?: { type?: string; gemeente?: string }) => {
      const params = new URLSearchParams();
      if (search?.type) params.set('type', search.type);
      if (search?.gemeente) params.set('gemeente', search.gemeente);
      const query = params.toString();
      return query ? `/regios?${query}` : '/regios';
    },
  },
  directory: {
    path: '/sociale-kaart',
    /** `search` is the page's own query string (filters, page), built by the directory feature. */
    getHref: (search?: string) => (search ? `/sociale-kaart?${search}` : '/sociale-kaart'),
  },
  organisation: {
    path: '/organisaties/:id',
    getHref: (id: string) => `/organisaties/${encodeURIComponent(id)}`,
  },
  organisationNew: { path: '/organisaties/nieuw', getHref: () => '/organisaties/nieuw' },
  organisationEdit: {
    path: '/organisaties/:id/bewerken',
    getHref: (id: string) => `/organisaties/${encodeURIComponent(id)}/bewerken`,
  },
  organisationHistory: {
    path: '/organisaties/:id/geschiedenis',
    getHref: (id: string) => `/organisaties/${encodeURIComponent(id)}/geschiedenis`,
  },
  person: {
    path: '/personen/:id',
    getHref: (id: string) => `/personen/${encodeURIComponent(id)}`,
  },
  personNew: { path: '/personen/nieuw', getHref: () => '/personen/nieuw' },
  personEdit: {
    path: '/personen/:id/bewerken',
    getHref: (id: string) => `/personen/${encodeURIComponent(id)}/bewerken`,
  },
  personHistory: {
    path: '/personen/:id/geschiedenis',
    getHref: (id: string) => `/personen/${encodeURIComponent(id)}/geschiedenis`,
  },
  directoryImport: { path: '/sociale-kaart/importeren', getHref: () => '/sociale-kaart/importeren' },
  functionNew: {
    path: '/functies/nieuw',
    /** `personId`: the holder the new function is for (`?persoon=`). */
    getHref: (personId?: string) =>
      personId ? `/functies/nieuw?persoon=${encodeURIComponent(personId)}` : '/functies/nieuw',
  },
  functionEdit: {
    path: '/functies/:id/bewerken',
    getHref: (id: string) => `/functies/${encodeURIComponent(id)}/bewerken`,
  },
  functionHistory: {
    path: '/functies/:id/geschiedenis',
    getHref: (id: string) => `/functies/${encodeURIComponent(id)}/geschiedenis`,
  },
  regionChain: {
    path: '/regios/:regionId',
    getHref: (regionId: string) => `/regios/${encodeURIComponent(regionId)}`,
  },
  municipalityChain: {
    path: '/gemeenten/:gmCode',
    getHref: (gmCode: string) => `/gemeenten/${encodeURIComponent(gmCode)}`,
  },
  // Wie doet wat (issue 5): the matrix and the lookup "Wie moet ik bellen?".
  responsibilities: { path: '/wie-doet-wat', getHref: () => '/wie-doet-wat' },
  responsibilityLookup: {
    path: '/wie-moet-ik-bellen',
    getHref: (search?: { gm?: string }) =>
      search?.gm ? `/wie-moet-ik-bellen?gm=${encodeURIComponent(search.gm)}` : '/wie-moet-ik-bellen',
  },
  // Hand-offs (issue 6): inbox, outbox, a new one, one hand-off and a concept resumed.
  handoffInbox: {
    path: '/overdrachten/inbox',
    getHref: (search?: string) => (search ? `/overdrachten/inbox?${search}` : '/overdrachten/inbox'),
  },
  handoffOutbox: {
    path: '/overdrachten/verstuurd',
    getHref: (search?: string) => (search ? `/overdrachten/verstuurd?${search}` : '/overdrachten/verstuurd'),
  },
  handoffNew: { path: '/overdrachten/nieuw', getHref: () => '/overdrachten/nieuw' },
  handoff: {
    path: '/overdrachten/:id',
    getHref: (id: string) => `/overdrachten/${encodeURIComponent(id)}`,
  },
  handoffEdit: {
    path: '/overdrachten/:id/bewerken',
    getHref: (id: string) => `/overdrachten/${encodeURIComponent(id)}/bewerken`,
  },
  // Notifications about hand-offs (issue 6): the signed-in account's own.
  notifications: { path: '/meldingen', getHref: () => '/meldingen' },
  // Identity (issue 4). `returnTo` is a path inside the portal; the sign-in pages go there afterwards.
  signIn: {
    path: '/inloggen',
    getHref: (search?: { returnTo?: string; signedOut?: boolean }) => withSearch('/inloggen', search),
  },
  secondFactor: {
    path: '/inloggen/tweede-stap',
    getHref: (search?: { returnTo?: string }) => withSearch('/inloggen/tweede-stap', search),
  },
  twoFactorEnrolment: {
    path: '/mijn-account/tweestapsverificatie',
    getHref: (search?: { returnTo?: string }) => withSearch('/mijn-account/tweestapsverificatie', search),
  },
  myAccount: { path: '/mijn-account', getHref: () => '/mijn-account' },
  /** The e-mailed link carries the token after `#`, so it never reaches a server log. */
  invitation: { path: '/uitnodiging', getHref: () => '/uitnodiging' },
  passwordReset: { path: '/wachtwoord-herstellen', getHref: () => '/wachtwoord-herstellen' },
  accounts: {
    path: '/beheer/gebruikers',
    getHref: (search?: string) => (search ? `/beheer/gebruikers?${search}` : '/beheer/gebruikers'),
  },
  accountNew: { path: '/beheer/gebruikers/nieuw', getHref: () => '/beheer/gebruikers/nieuw' },
  account: {
    path: '/beheer/gebruikers/:id',
    getHref: (id: string) => `/beheer/gebruikers/${encodeURIComponent(id)}`,
  },
  auditTrail: {
    path: '/audittrail',
    getHref: (search?: string) => (search ? `/audittrail?${search}` : '/audittrail'),
  },
  // Monitoring of the 2026 goals (issue 7). `search`: the page's own query string (periode, regio, dekking).
  monitoring: {
    path: '/monitoring',
    getHref: (search?: string) => (search ? `/monitoring?${search}` : '/monitoring'),
  },
  monitoringReport: {
    path: '/monitoring/rapportage',
    getHref: (search?: string) => (search ? `/monitoring/rapportage?${search}` : '/monitoring/rapportage'),
  },
  municipalityAssessment: {
    path: '/monitoring/gemeenten/:gmCode',
    getHref: (gmCode: string, period?: string) =>
      `/monitoring/gemeenten/${encodeURIComponent(gmCode)}${period ? `?periode=${encodeURIComponent(period)}` : ''}`,
  },
  regionAssessment: {
    path: '/monitoring/regios/:regionId',
    getHref: (regionId: string, period?: string) =>
      `/monitoring/regios/${encodeURIComponent(regionId)}${period ? `?periode=${encodeURIComponent(period)}` : ''}`,
  },
} as const;

function withSearch(path: string, search?: { returnTo?: string; signedOut?: boolean }): string {
  const params = new URLSearchParams();
  if (search?.returnTo) params.set('terug', search.returnTo);
  if (search?.signedOut) params.set('afgemeld', '1');
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
