/**
 * SQL for EPCIS capture jobs: a job is created running when a document is accepted, and finished
 * once, with its outcome, when the document has been judged and stored (or rolled back).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Why one event of a document was not stored: its place in the document and the rule's verdict. */
export interface CaptureJobError {
  /** The event's index in the document's event list, from 0. */
  eventIndex: number;
  /** The eventID the event came with, if any. */
  eventID: string | null;
  /** A refusal code of the verdict vocabulary, CONFLICT, FORBIDDEN or UNSUPPORTED. */
  code: string;
  reason: string;
}

export interface CaptureJob {
  id: string;
  organisationId: string;
  createdAt: Date;
  finishedAt: Date | null;
  running: boolean;
  success: boolean;
  errorBehaviour: 'rollback' | 'proceed';
  eventCount: number;
  errors: CaptureJobError[];
  /** The stored events' ids (GET /ledger/events/{id}), in document order. */
  eventIds: string[];
  /** The eventIDs of events already recorded (same GS1 event hash): recognised, not stored again. */
  duplicates: string[];
}

/** What a finished job reports. */
export type CaptureOutcome = Pick<CaptureJob, 'success' | 'errors' | 'eventIds' | 'duplicates'>;

const JOB = `id, organisation_id AS "organisationId", created_at AS "createdAt",
  finished_at AS "finishedAt", running, success, error_behaviour AS "errorBehaviour",
  event_count AS "eventCount", errors, event_ids::text[] AS "eventIds", duplicates`;

@Injectable()
export class CaptureJobRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(job: Pick<CaptureJob, 'organisationId' | 'errorBehaviour' | 'eventCount'>) {
    const [row]: CaptureJob[] = await this.db.query(
      `INSERT INTO capture_jobs (organisation_id, error_behaviour, event_count)
       VALUES ($1, $2, $3) RETURNING ${JOB}`,
      [job.organisationId, job.errorBehaviour, job.eventCount],
    );
    return row!;
  }

  async finish(id: string, outcome: CaptureOutcome): Promise<void> {
    await this.db.query(
      `UPDATE capture_jobs
          SET running = false, finished_at = now(), success = $2, errors = $3::jsonb,
              event_ids = $4::bigint[], duplicates = $5::text[]
        WHERE id = $1`,
      [id, outcome.success, JSON.stringify(outcome.errors), outcome.eventIds, outcome.duplicates],
    );
  }

  /**
   * Which of these GS1 event hashes are recorded already (the events table's unique
   * `event_hash`): a captured event with one of them is a duplicate.
   */
  async recordedHashes(hashes: readonly string[], db: EntityManager): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows: Array<{ hash: string }> = await db.query(
      `SELECT event_hash AS hash FROM events WHERE event_hash = ANY($1::text[])`,
      [hashes],
    );
    return new Set(rows.map((row) => row.hash));
  }

  /** The organisation's job with this id; undefined for another organisation's or none. */
  async find(organisationId: string, id: string): Promise<CaptureJob | undefined> {
    const [row]: CaptureJob[] = await this.db.query(
      `SELECT ${JOB} FROM capture_jobs WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    return row;
  }

  /** The organisation's jobs, newest first, from the one after `before` (the previous page's last). */
  async list(
    organisationId: string,
    page: { before?: string; limit: number },
  ): Promise<CaptureJob[]> {
    return this.db.query(
      `SELECT ${JOB} FROM capture_jobs WHERE organisation_id = $1
          AND ($2::uuid IS NULL OR (created_at, id) <
               (SELECT created_at, id FROM capture_jobs WHERE id = $2::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [organisationId, page.before ?? null, page.limit],
    );
  }
}
