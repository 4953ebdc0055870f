/** Permission names, shared so that the UI hides what the API forbids. Issue 4 maps them to roles and scope. */
export const Permission = {
  regionWrite: 'region.write',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
