/** Serves `/health` and `/metrics` for whichever apps this process runs. */
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DatabaseHealth } from './database.health';
import type { HealthCheck } from './health-check';
import { HEALTH_CHECKS, HealthController } from './health.controller';
import { MetricsController } from '../metrics/metrics.controller';

@Module({})
export class HealthModule {
  /** `checks` are provided by the modules of the apps this process runs; the database always. */
  static forRoot(checks: Type<HealthCheck>[]): DynamicModule {
    const all = [DatabaseHealth, ...checks];
    return {
      module: HealthModule,
      controllers: [HealthController, MetricsController],
      providers: [
        DatabaseHealth,
        { provide: HEALTH_CHECKS, useFactory: (...found: HealthCheck[]) => found, inject: all },
      ],
    };
  }
}
