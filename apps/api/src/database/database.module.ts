import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { closeDatabase, createDataSource, type DatabaseHandle } from './data-source';
import { ENTITIES } from './entities';

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(@Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle) {}

  /** Pool first, then the embedded database: PGlite keeps the process alive until it is closed. */
  async onApplicationShutdown(): Promise<void> {
    await closeDatabase(this.handle);
    this.logger.log('database closed');
  }
}

const repositoryProviders: Provider[] = ENTITIES.map((entity) => ({
  provide: getRepositoryToken(entity),
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => dataSource.getRepository(entity),
}));

/**
 * Owns the one DataSource (server PostgreSQL or embedded PGlite) and its shutdown order. Repositories are
 * registered under @nestjs/typeorm's tokens, so services use the usual `@InjectRepository(Entity)`.
 */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_HANDLE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const handle = await createDataSource(config);
        await handle.dataSource.initialize();
        return handle;
      },
    },
    {
      provide: DataSource,
      inject: [DATABASE_HANDLE],
      useFactory: (handle: DatabaseHandle) => handle.dataSource,
    },
    DatabaseLifecycle,
    ...repositoryProviders,
  ],
  exports: [DATABASE_HANDLE, DataSource, ...repositoryProviders],
})
export class DatabaseModule {}
