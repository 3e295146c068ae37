/**
 * The pack rules name sites and organisations by their ids, all the domain knows of them; a
 * pharmacist or an investigator reads a GLN and a name. `inWords` writes each "site <id>" of a
 * refusal as "site <GLN> (<name>, <city>)" and each "organisation <id>" as "organisation <name>",
 * looking up the ids a text names in one statement. An id it does not find stays as it is.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAMED = new RegExp(`\\b(site|organisation) (${UUID})`, 'g');

@Injectable()
export class PlaceNames {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * `texts` with their site and organisation ids in words.
   * @example await placeNames.inWords(['held by site 6f1…']) // ['held by site 5412345000013 (Pharmacie du Marais, Paris)']
   */
  async inWords(texts: readonly string[]): Promise<string[]> {
    const ids = [...new Set(texts.flatMap((text) => [...text.matchAll(NAMED)].map((m) => m[2]!)))];
    if (ids.length === 0) return [...texts];
    const rows: Array<{ kind: 'site' | 'organisation'; id: string; words: string }> =
      await this.db.query(
        `SELECT 'site' AS kind, s.id::text AS id, s.gln || ' (' || s.name || ', ' || s.city || ')' AS words
           FROM sites s WHERE s.id = ANY($1::uuid[])
         UNION ALL
         SELECT 'organisation', o.id::text, o.name FROM organisations o WHERE o.id = ANY($1::uuid[])`,
        [ids],
      );
    const words = new Map(rows.map((row) => [`${row.kind} ${row.id}`, `${row.kind} ${row.words}`]));
    return texts.map((text) => text.replace(NAMED, (named) => words.get(named) ?? named));
  }
}
