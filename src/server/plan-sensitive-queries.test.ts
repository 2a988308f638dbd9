import { describe, expect, it } from 'vitest';
import { SQL_FILES, formatSql, readCommitted, renderSqlFile } from './testing/plan-sensitive-queries.ts';

describe('the committed SQL of plan-sensitive queries', () => {
  for (const file of SQL_FILES) {
    it(`${file.repository}: the committed file is what the builders compile today (else npm run sql:write)`, async () => {
      expect(await readCommitted(file), 'run `npm run sql:write` and review the plan of what changed').toBe(
        await renderSqlFile(file),
      );
    });
  }

  it('puts one top-level clause a line, leaving subqueries, quoted names and strings whole', () => {
    const text = `select "a" from "t" inner join (select 1 from "u") as "v" on true where "b" = 'x from y' order by "a"`;
    expect(formatSql(text).split('\n')).toEqual([
      'select "a"',
      'from "t"',
      'inner join (select 1 from "u") as "v" on true',
      'where "b" = \'x from y\'',
      'order by "a"',
    ]);
  });
});
