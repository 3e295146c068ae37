/**
 * A sealer stopped while its lock session is still connecting (a process that fails to listen
 * just after start) leaves no released session among TypeORM's connected runners: the pool's
 * shutdown loops on such a runner forever, at full CPU, and the process never exits.
 */
import { dataSourceOptions } from '@pedigree/persistence';
import { DataSource } from 'typeorm';
import { workerDatabaseUrl } from '../../../test/harness/test-database';
import { SealerLeadership } from './sealer-leadership.service';

/** TypeORM's own list of the runners holding a connection (PostgresDriver). */
type Tracked = { connectedQueryRunners: Array<{ isReleased: boolean }> };

describe('SealerLeadership', () => {
  it('releases its session only after the connection under way, so the pool can close', async () => {
    const options = dataSourceOptions(await workerDatabaseUrl());
    // Idle connections close at once, so each session must open a new one, which takes a while.
    const db = new DataSource({ ...options, extra: { ...options.extra, idleTimeoutMillis: 1 } });
    await db.initialize();
    try {
      for (let round = 0; round < 20; round++) {
        await new Promise((idle) => setTimeout(idle, 20));
        const leadership = new SealerLeadership(db);
        leadership.onModuleInit();
        // Its first attempt starts on this timer tick, before ours, and waits for a connection.
        await new Promise((tick) => setTimeout(tick, 0));
        await leadership.onModuleDestroy();
        await new Promise((settle) => setTimeout(settle, 20));
        const runners = (db.driver as unknown as Tracked).connectedQueryRunners;
        expect(runners.filter((runner) => runner.isReleased)).toEqual([]);
      }
    } finally {
      // Were one left, destroy() would spin on it: drop it, so a failure fails and does not hang.
      const runners = (db.driver as unknown as Tracked).connectedQueryRunners;
      runners.splice(0, runners.length, ...runners.filter((runner) => !runner.isReleased));
      await db.destroy();
    }
  });
});
