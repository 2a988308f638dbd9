import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const COLUMNS = ['on_track', 'at_risk', 'weights', 'ready_band', 'warning_band', 'version', 'updated_at'] as const;

export async function findSettings(db: Db) {
  return db.selectFrom('evaluation_settings').select(COLUMNS).executeTakeFirst();
}
export type SettingsRow = NonNullable<Awaited<ReturnType<typeof findSettings>>>;

export interface SettingsColumns {
  on_track: number;
  at_risk: number;
  /** JSON text of validated ScoreWeights. */
  weights: string;
  ready_band: number;
  warning_band: number;
  updated_by: string | null;
}

/** The first setting: undefined when another administrator got there first. */
export async function insertSettings(db: Db, columns: SettingsColumns): Promise<SettingsRow | undefined> {
  return db
    .insertInto('evaluation_settings')
    .values(columns)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** Undefined when the stored version is no longer `expectedVersion`. */
export async function updateSettingsIfVersion(
  db: Db,
  expectedVersion: number,
  columns: SettingsColumns,
): Promise<SettingsRow | undefined> {
  return db
    .updateTable('evaluation_settings')
    .set({ ...columns, version: sql`version + 1`, updated_at: new Date() })
    .where('version', '=', expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
}
