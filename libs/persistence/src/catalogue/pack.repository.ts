/**
 * SQL for packs and their containers. Writes on the commissioning and shipping paths are batched
 * (`unnest` of arrays: one statement per chunk, ~100,000 rows/s on the reference machine).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared-query';
import type {
  Container,
  PackChange,
  PackRecord,
  ProductFacts,
  PublicPackFacts,
} from './catalogue.rows';

const PACK = `p.id::text AS id, pr.gtin, p.serial, b.lot, b.expiry, p.state,
  p.custody_site_id AS "custodySiteId", p.in_transit_to AS "inTransitTo",
  p.container_sscc AS "containerSscc", p.last_decommission AS "lastDecommission",
  b.recalled_at IS NOT NULL AS "batchRecalled", pr.withdrawn_at IS NOT NULL AS "productWithdrawn",
  pr.organisation_id AS "productOwnerId"`;
const FROM = `FROM packs p JOIN batches b ON b.id = p.batch_id JOIN products pr ON pr.id = p.product_id`;

/** Rows per statement on bulk paths: keeps each statement's parameters well under 1 GB. */
export const BULK_CHUNK = 20_000;

@Injectable()
export class PackRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts new packs of a batch, skipping serials the product has already; returns the ids and
   * serials inserted, in the order given.
   */
  async insertMany(
    pack: { productId: string; batchId: string; state: string; custodySiteId: string },
    serials: readonly string[],
    db: EntityManager,
  ): Promise<Array<{ id: string; serial: string }>> {
    const inserted: Array<{ id: string; serial: string }> = [];
    for (let start = 0; start < serials.length; start += BULK_CHUNK) {
      const rows = await db.query(
        `INSERT INTO packs (product_id, batch_id, serial, state, custody_site_id)
         SELECT $1, $2, serial, $3, $4 FROM unnest($5::text[]) WITH ORDINALITY AS s (serial, n)
          ORDER BY n
         ON CONFLICT (product_id, serial) DO NOTHING
         RETURNING id::text AS id, serial`,
        [
          pack.productId,
          pack.batchId,
          pack.state,
          pack.custodySiteId,
          serials.slice(start, start + BULK_CHUNK),
        ],
      );
      inserted.push(...rows);
    }
    return inserted;
  }

  /**
   * The packs named by (GTIN, serial), locked for this transaction in id order (so concurrent
   * events on overlapping packs cannot deadlock). Unknown ones are missing from the result.
   */
  async lockByIdentity(
    identities: ReadonlyArray<{ gtin: string; serial: string }>,
    db: EntityManager,
  ): Promise<PackRecord[]> {
    return db.query(
      `SELECT ${PACK} ${FROM}
        WHERE (pr.gtin, p.serial) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY p.id FOR UPDATE OF p`,
      [identities.map((i) => i.gtin), identities.map((i) => i.serial)],
    );
  }

  /**
   * Every pack inside these containers, at any depth, locked in id order, with the container of
   * `ssccs` it was found in (a pack inside two of them comes once for each).
   */
  async lockInContainers(
    ssccs: readonly string[],
    db: EntityManager,
  ): Promise<Array<{ root: string; record: PackRecord }>> {
    if (ssccs.length === 0) return [];
    const rows: Array<PackRecord & { root: string }> = await db.query(
      `WITH RECURSIVE inside (root, sscc) AS (
         SELECT s, s FROM unnest($1::char(18)[]) AS s
         UNION SELECT inside.root, c.sscc FROM containers c JOIN inside ON c.parent_sscc = inside.sscc)
       SELECT inside.root, ${PACK} ${FROM} JOIN inside ON p.container_sscc = inside.sscc
        ORDER BY p.id FOR UPDATE OF p`,
      [ssccs],
    );
    return rows.map(({ root, ...record }) => ({ root, record }));
  }

  /**
   * A verification's one read: the product with this GTIN (undefined when none) and, when it has
   * one, its pack with this serial.
   */
  async findForVerification(
    gtin: string,
    serial: string,
  ): Promise<{ product?: ProductFacts; pack?: PackRecord }> {
    const [row] = await preparedQuery<ProductFacts & { pack: PackRecord | null }>(
      this.db,
      'find-for-verification',
      `SELECT pr.gtin, pr.name, pr.form, pr.strength, pr.pack_size AS "packSize",
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
                'id', p.id::text, 'gtin', pr.gtin, 'serial', p.serial, 'lot', b.lot,
                'expiry', b.expiry, 'state', p.state, 'custodySiteId', p.custody_site_id,
                'inTransitTo', p.in_transit_to, 'containerSscc', p.container_sscc,
                'lastDecommission', p.last_decommission,
                'batchRecalled', b.recalled_at IS NOT NULL,
                'productWithdrawn', pr.withdrawn_at IS NOT NULL,
                'productOwnerId', pr.organisation_id) END AS pack
         FROM products pr
         LEFT JOIN packs p ON p.product_id = pr.id AND p.serial = $2
         LEFT JOIN batches b ON b.id = p.batch_id
        WHERE pr.gtin = $1`,
      [gtin, serial],
    );
    if (!row) return {};
    const { pack, ...product } = row;
    return { product, ...(pack && { pack }) };
  }

  /** What the consumer page adds to a verification: who made the pack and any recall notice. */
  async publicFacts(packId: string): Promise<PublicPackFacts | undefined> {
    const [row] = await this.db.query(
      `SELECT o.name AS manufacturer, b.recalled_at AS "recalledAt", b.recall_reason AS "recallReason",
              pr.withdrawn_at AS "withdrawnAt", pr.withdrawal_reason AS "withdrawalReason"
         FROM packs p JOIN batches b ON b.id = p.batch_id JOIN products pr ON pr.id = p.product_id
         JOIN organisations o ON o.id = pr.organisation_id
        WHERE p.id = $1`,
      [packId],
    );
    return row;
  }

  async find(gtin: string, serial: string): Promise<PackRecord | undefined> {
    const [row] = await this.db.query(
      `SELECT ${PACK} ${FROM} WHERE pr.gtin = $1 AND p.serial = $2`,
      [gtin, serial],
    );
    return row;
  }

  /** How many packs the batch has, with the batch row locked (commissioning takes turns). */
  async lockBatchAndCount(batchId: string, db: EntityManager): Promise<number> {
    await db.query(`SELECT 1 FROM batches WHERE id = $1 FOR UPDATE`, [batchId]);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM packs WHERE batch_id = $1`,
      [batchId],
    );
    return count;
  }

  /**
   * How many packs each batch of the product holds in each recorded state, and how many of those
   * are on their way between sites: one grouped scan of the product's packs (packs_batch_id).
   */
  async countByState(
    productId: string,
  ): Promise<Array<{ batchId: string; state: string; packs: number; inTransit: number }>> {
    return this.db.query(
      `SELECT batch_id AS "batchId", state, count(*)::int AS packs,
              (count(*) FILTER (WHERE in_transit_to IS NOT NULL))::int AS "inTransit"
         FROM packs WHERE product_id = $1
        GROUP BY batch_id, state`,
      [productId],
    );
  }

  /**
   * Serials of a batch in commissioning order, for the packaging line; `page` takes `limit` of
   * them after the first `offset`, for a label sheet.
   */
  async listSerials(batchId: string, page?: { offset: number; limit: number }): Promise<string[]> {
    const rows: Array<{ serial: string }> = await this.db.query(
      `SELECT serial FROM packs WHERE batch_id = $1 ORDER BY id OFFSET $2 LIMIT $3`,
      [batchId, page?.offset ?? 0, page?.limit ?? null],
    );
    return rows.map((row) => row.serial);
  }

  /** Writes what events changed, in one statement per chunk. */
  async applyChanges(changes: readonly PackChange[], db: EntityManager): Promise<void> {
    for (let start = 0; start < changes.length; start += BULK_CHUNK) {
      const chunk = changes.slice(start, start + BULK_CHUNK);
      await db.query(
        `UPDATE packs p SET state = c.state, custody_site_id = c.custody, in_transit_to = c.transit,
                container_sscc = c.container, last_decommission = c.decommission
           FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::char(18)[], $6::jsonb[])
                AS c (id, state, custody, transit, container, decommission)
          WHERE p.id = c.id`,
        [
          chunk.map((c) => c.id),
          chunk.map((c) => c.state),
          chunk.map((c) => c.custodySiteId),
          chunk.map((c) => c.inTransitTo),
          chunk.map((c) => c.containerSscc),
          chunk.map((c) => (c.lastDecommission ? JSON.stringify(c.lastDecommission) : null)),
        ],
      );
    }
  }

  async insertContainer(
    container: { sscc: string; organisationId: string },
    db: EntityManager,
  ): Promise<Container | undefined> {
    const [row] = await db.query(
      `INSERT INTO containers (sscc, organisation_id) VALUES ($1, $2) ON CONFLICT (sscc) DO NOTHING
       RETURNING sscc, organisation_id AS "organisationId", parent_sscc AS "parentSscc",
                 created_at AS "createdAt"`,
      [container.sscc, container.organisationId],
    );
    return row;
  }

  async findContainers(
    ssccs: readonly string[],
    db: EntityManager = this.db.manager,
  ): Promise<Container[]> {
    return db.query(
      `SELECT sscc, organisation_id AS "organisationId", parent_sscc AS "parentSscc",
              created_at AS "createdAt"
         FROM containers WHERE sscc = ANY ($1::char(18)[]) FOR UPDATE`,
      [ssccs],
    );
  }

  /** Puts containers into `parent` (null takes them out). */
  async setContainerParent(
    ssccs: readonly string[],
    parent: string | null,
    db: EntityManager,
  ): Promise<void> {
    await db.query(`UPDATE containers SET parent_sscc = $2 WHERE sscc = ANY ($1::char(18)[])`, [
      ssccs,
      parent,
    ]);
  }

  /** The direct contents of a container: its packs and its child containers. */
  async contents(
    sscc: string,
    db: EntityManager = this.db.manager,
  ): Promise<{ packs: PackRecord[]; containers: string[] }> {
    const packs = await db.query(
      `SELECT ${PACK} ${FROM} WHERE p.container_sscc = $1 ORDER BY p.id`,
      [sscc],
    );
    const children: Array<{ sscc: string }> = await db.query(
      `SELECT sscc FROM containers WHERE parent_sscc = $1 ORDER BY sscc`,
      [sscc],
    );
    return { packs, containers: children.map((c) => c.sscc) };
  }
}
