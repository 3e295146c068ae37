export { SealerModule } from './sealer.module';
export { SealerLeadership } from './sealer-leadership.service';
