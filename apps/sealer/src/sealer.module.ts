/** The sealer: closes signed blocks over recorded events. One is active at a time. */
import { Global, Module } from '@nestjs/common';
import { SealerLeadership } from './sealer-leadership.service';

@Global()
@Module({ providers: [SealerLeadership], exports: [SealerLeadership] })
export class SealerModule {}
