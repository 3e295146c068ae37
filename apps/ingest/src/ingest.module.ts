/**
 * Ingest: scanner envelopes in over MQTT, verdicts out. For now it holds the process's broker
 * connection (a fixed client id and a persistent session) and reports it to `/health`; the scan
 * handlers arrive with the scanner protocol.
 */
import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { MqttConnection } from '@pedigree/contracts';

@Injectable()
class IngestLifecycle implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(MqttConnection) private readonly connection: MqttConnection) {}

  async onModuleInit(): Promise<void> {
    await this.connection.open();
  }

  async onModuleDestroy(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({})
export class IngestModule {
  static forRoot(options: { mqttUrl: string; clientId: string }): DynamicModule {
    return {
      module: IngestModule,
      providers: [
        {
          provide: MqttConnection,
          useValue: new MqttConnection({ url: options.mqttUrl, clientId: options.clientId }),
        },
        IngestLifecycle,
      ],
      exports: [MqttConnection],
    };
  }
}
