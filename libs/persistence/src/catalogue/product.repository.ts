/** SQL for products (GTINs) and batches (lots). */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Batch, Product } from './catalogue.rows';

const PRODUCT = `id, organisation_id AS "organisationId", gtin, name, form, strength,
  pack_size AS "packSize", national_code AS "nationalCode", withdrawn_at AS "withdrawnAt",
  withdrawal_reason AS "withdrawalReason", created_at AS "createdAt"`;
const BATCH = `id, product_id AS "productId", lot, expiry, quantity, recalled_at AS "recalledAt",
  recall_reason AS "recallReason", created_at AS "createdAt"`;

export type NewProduct = Omit<Product, 'id' | 'withdrawnAt' | 'withdrawalReason' | 'createdAt'>;
export type NewBatch = Omit<Batch, 'id' | 'recalledAt' | 'recallReason' | 'createdAt'>;

@Injectable()
export class ProductRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a product; undefined when the GTIN is registered already. */
  async insert(product: NewProduct): Promise<Product | undefined> {
    const [row] = await this.db.query(
      `INSERT INTO products (organisation_id, gtin, name, form, strength, pack_size, national_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (gtin) DO NOTHING RETURNING ${PRODUCT}`,
      [
        product.organisationId,
        product.gtin,
        product.name,
        product.form,
        product.strength,
        product.packSize,
        product.nationalCode,
      ],
    );
    return row;
  }

  async findByGtin(
    gtin: string,
    db: EntityManager = this.db.manager,
  ): Promise<Product | undefined> {
    const [row] = await db.query(`SELECT ${PRODUCT} FROM products WHERE gtin = $1`, [gtin]);
    return row;
  }

  /** Which of these GTINs are registered products, in one statement. */
  async registeredGtins(gtins: readonly string[], db: EntityManager): Promise<Set<string>> {
    if (gtins.length === 0) return new Set();
    const rows: Array<{ gtin: string }> = await db.query(
      `SELECT gtin FROM products WHERE gtin = ANY($1::text[])`,
      [gtins],
    );
    return new Set(rows.map((row) => row.gtin));
  }

  /** The organisation's products, or every product when `organisationId` is undefined. */
  async list(organisationId?: string): Promise<Product[]> {
    return this.db.query(
      `SELECT ${PRODUCT} FROM products WHERE $1::uuid IS NULL OR organisation_id = $1
        ORDER BY created_at, id`,
      [organisationId ?? null],
    );
  }

  /** Marks the product withdrawn; undefined when it was already (the first withdrawal stays). */
  async withdraw(id: string, reason: string, db: EntityManager): Promise<Product | undefined> {
    const [rows] = await db.query(
      `UPDATE products SET withdrawn_at = now(), withdrawal_reason = $2
        WHERE id = $1 AND withdrawn_at IS NULL RETURNING ${PRODUCT}`,
      [id, reason],
    );
    return rows[0];
  }

  /** Inserts a batch; undefined when the product has that lot already. */
  async insertBatch(batch: NewBatch): Promise<Batch | undefined> {
    const [row] = await this.db.query(
      `INSERT INTO batches (product_id, lot, expiry, quantity) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id, lot) DO NOTHING RETURNING ${BATCH}`,
      [batch.productId, batch.lot, batch.expiry, batch.quantity],
    );
    return row;
  }

  async findBatch(
    productId: string,
    lot: string,
    db: EntityManager = this.db.manager,
  ): Promise<Batch | undefined> {
    const [row] = await db.query(
      `SELECT ${BATCH} FROM batches WHERE product_id = $1 AND lot = $2`,
      [productId, lot],
    );
    return row;
  }

  async listBatches(productId: string): Promise<Batch[]> {
    return this.db.query(
      `SELECT ${BATCH} FROM batches WHERE product_id = $1 ORDER BY created_at, id`,
      [productId],
    );
  }

  /** Marks the batch recalled; undefined when it was already (the first recall stays). */
  async recallBatch(id: string, reason: string, db: EntityManager): Promise<Batch | undefined> {
    const [rows] = await db.query(
      `UPDATE batches SET recalled_at = now(), recall_reason = $2
        WHERE id = $1 AND recalled_at IS NULL RETURNING ${BATCH}`,
      [id, reason],
    );
    return rows[0];
  }
}
