/** Every directory query key starts with this, so one write can refresh all of them. */
export const DIRECTORY_KEY = 'directory:';

export const directoryKey = (...parts: (string | number | undefined)[]): string =>
  DIRECTORY_KEY + parts.map((part) => part ?? '').join(':');
