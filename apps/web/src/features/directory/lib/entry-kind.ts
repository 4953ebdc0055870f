import type { DirectoryKind } from '@ketenkaart/shared-domain';

/** Organisation, person or function: the three kinds of directory entry. */
export type EntryKind = DirectoryKind;
