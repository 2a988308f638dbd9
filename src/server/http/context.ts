import type { Config } from '../env.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** What every route plugin needs: the database and the configuration. */
export interface AppContext {
  database: DatabaseHandle;
  config: Config;
}
