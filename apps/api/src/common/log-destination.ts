import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import pino from 'pino';

let destination: (pino.DestinationStream & { flushSync?: () => void }) | null = null;

/**
 * Standard output for the JSON log, written asynchronously: lines logged while a write is under way go out together
 * in the next one, so a busy instance makes one write for many requests instead of one per request.
 */
export function logDestination(): pino.DestinationStream {
  destination ??= pino.destination({ dest: 1, sync: false });
  return destination;
}

/** Writes out what the log still holds when the app closes (SIGTERM), before Nest ends the process. */
@Injectable()
export class LogFlush implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    try {
      destination?.flushSync?.();
    } catch {
      // Nothing left to flush, or stdout is gone: the process is ending either way.
    }
  }
}
