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

  it('puts one clause a line, leaving quoted names, strings and BETWEEN … AND whole', () => {
    expect(formatSql(`select "a" from "t" where ("b" = 'x from y' and "c" between $1 and $2) order by "a"`)).toBe(
      ['select "a"', 'from "t"', 'where ("b" = \'x from y\'', '  and "c" between $1 and $2)', 'order by "a"'].join(
        '\n',
      ),
    );
  });
});
