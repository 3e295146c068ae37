/**
 * The sealer: closes signed blocks over recorded events. One is active at a time (the advisory
 * lock in SealerLeadership); the others stand by and take over the same chain.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { BlockSealer } from './block-sealer.service';
import { SealerClock } from './sealer-clock';
import { SealerKeySource } from './sealer-key';
import { SealerLeadership } from './sealer-leadership.service';
import { SEALER_OPTIONS, type SealerOptions } from './sealer.options';

@Global()
@Module({})
export class SealerModule {
  static forRoot(options: SealerOptions): DynamicModule {
    return {
      module: SealerModule,
      providers: [
        { provide: SEALER_OPTIONS, useValue: options },
        SealerLeadership,
        SealerClock,
        SealerKeySource,
        BlockSealer,
      ],
      exports: [SealerLeadership, BlockSealer],
    };
  }
}
