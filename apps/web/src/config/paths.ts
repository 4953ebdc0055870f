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
} as const;
