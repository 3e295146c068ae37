/**
 * Ingest: scanner envelopes in over MQTT, verdicts out (docs/protocol.md). One broker connection
 * per process, with a fixed client id and a persistent session, reported to `/health`.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MqttConnection } from '@pedigree/contracts';
import { RecordingModule } from '@pedigree/recording';
import { EnvelopeIngest } from './envelope-ingest.service';
import { INGEST_OPTIONS, ScanConsumer, type IngestOptions } from './scan-consumer';
import { SignatureVerifier } from './signature-verifier';

@Global()
@Module({})
export class IngestModule {
  static forRoot(options: IngestOptions & { mqttUrl: string; clientId: string }): DynamicModule {
    return {
      module: IngestModule,
      imports: [RecordingModule],
      providers: [
        {
          provide: MqttConnection,
          // Room for the batch being checked while the one before it commits.
          useValue: new MqttConnection({
            url: options.mqttUrl,
            clientId: options.clientId,
            receiveMaximum: 2 * options.batchMessages,
          }),
        },
        {
          provide: INGEST_OPTIONS,
          useValue: { batchMessages: options.batchMessages, lingerMs: options.lingerMs },
        },
        SignatureVerifier,
        EnvelopeIngest,
        ScanConsumer,
      ],
      exports: [MqttConnection],
    };
  }
}
