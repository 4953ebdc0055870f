// The single switch point between the provisional and the generated OpenAPI types.
export type { paths } from './provisional-schema';
