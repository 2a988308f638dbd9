/**
 * Writes the committed SQL of the plan-sensitive queries (src/server/testing/plan-sensitive-queries.ts) beside
 * their repositories. Run it after changing one of those queries, and review the diff with the query's plan.
 */
import { relative } from 'node:path';
import { writeSqlFiles } from '../src/server/testing/plan-sensitive-queries.ts';

const written = await writeSqlFiles();
for (const path of written) console.log(`wrote ${relative(process.cwd(), path)}`);
if (written.length === 0) console.log('the committed SQL is up to date');
