/**
 * Start times of `pedigree start` on embedded services, from spawning the process to the first
 * `200` from `/health`: cold (a new data folder: initdb, migrations, first admin key) and warm (an
 * existing folder). Each start is stopped with SIGINT before the next.
 */
import { join } from 'node:path';
import { spawnPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';
import { median } from './measure';

const PORTS = { PEDIGREE_EMBEDDED_PG_PORT: '54380', PEDIGREE_EMBEDDED_MQTT_PORT: '18880' };

async function timeToHealthy(dataDir: string): Promise<number> {
  const started = performance.now();
  const platform = await spawnPlatform({ ...PORTS, PEDIGREE_DATA_DIR: dataDir });
  try {
    while ((await fetch(`${platform.url}/health`)).status !== 200) {
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - started;
  } finally {
    const code = await platform.stop('SIGINT');
    if (code !== 0) throw new Error(`pedigree start exited with ${code}:\n${platform.output()}`);
  }
}

export async function benchStart(runs = 3): Promise<{ coldMs: number; warmMs: number }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dataDir = join(tempDataDir('bench'), 'data');
    cold.push(await timeToHealthy(dataDir));
    warm.push(await timeToHealthy(dataDir));
  }
  return { coldMs: median(cold), warmMs: median(warm) };
}
