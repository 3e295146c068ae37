/** The root module of a Pedigree process: persistence, `/health`, and the apps it runs. */
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ApiModule, HealthModule, type HealthCheck } from '@pedigree/api';
import { MqttConnection } from '@pedigree/contracts';
import { IngestModule } from '@pedigree/ingest';
import { PersistenceModule } from '@pedigree/persistence';
import { SealerLeadership, SealerModule, type SealerOptions } from '@pedigree/sealer';

export const APP_NAMES = ['api', 'ingest', 'sealer'] as const;
export type AppName = (typeof APP_NAMES)[number];

export interface PlatformOptions {
  apps: readonly AppName[];
  databaseUrl: string;
  mqttUrl?: string;
  ingest: { clientId: string; batchMessages: number; lingerMs: number };
  adminKey?: string;
  publicUrl?: string;
  publicRateLimit: number;
  webhookPrivateDestinations: 'refuse' | 'allow';
  sealer: SealerOptions;
}

@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const imports: DynamicModule['imports'] = [PersistenceModule.forRoot(options.databaseUrl)];
    const checks: Type<HealthCheck>[] = [];
    for (const app of options.apps) {
      switch (app) {
        case 'api':
          imports.push(
            ApiModule.forRoot({
              adminKey: options.adminKey,
              publicUrl: options.publicUrl,
              publicRateLimit: options.publicRateLimit,
              webhookPrivateDestinations: options.webhookPrivateDestinations,
            }),
          );
          break;
        case 'ingest':
          if (!options.mqttUrl) throw new Error('ingest needs an MQTT broker URL');
          imports.push(IngestModule.forRoot({ mqttUrl: options.mqttUrl, ...options.ingest }));
          checks.push(MqttConnection);
          break;
        case 'sealer':
          imports.push(SealerModule.forRoot(options.sealer));
          checks.push(SealerLeadership);
          break;
      }
    }
    imports.push(HealthModule.forRoot(checks));
    return { module: PlatformModule, imports };
  }
}
