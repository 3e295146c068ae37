/**
 * SQL reads of stored Merkle nodes. A proof or a frontier needs O(log n) nodes: the caller asks
 * the ledger library which (`inclusionProofNodeIds`, `frontierNodeIds`, ...), and this fetches
 * them all in one query into an in-memory store the library then runs on.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InMemoryMerkleStore, type NodeId } from '@pedigree/ledger';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class MerkleNodeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The stored nodes among `ids`, in one query. A missing node is simply absent from the store
   * (the library then throws MISSING_NODE when it reads it).
   */
  async load(
    ids: readonly NodeId[],
    manager: EntityManager = this.db.manager,
  ): Promise<InMemoryMerkleStore> {
    const store = new InMemoryMerkleStore();
    if (ids.length === 0) return store;
    const rows: Array<{ level: number; idx: string; hash: Buffer }> = await manager.query(
      `SELECT n.level, n.idx, n.hash
         FROM unnest($1::smallint[], $2::bigint[]) AS wanted(level, idx)
         JOIN merkle_nodes n ON n.level = wanted.level AND n.idx = wanted.idx`,
      [ids.map((id) => id.level), ids.map((id) => id.index)],
    );
    for (const row of rows) store.setNode(row.level, Number(row.idx), row.hash);
    return store;
  }
}
