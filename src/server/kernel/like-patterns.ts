/**
 * A value matched literally inside a LIKE pattern: its `%`, `_` and `\` stand for themselves, so a
 * materialized path or a searched word never widens the match.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
