import { expect } from 'vitest';
import type { SearchResult } from '../../../shared/schemas/search.ts';
import type { Entry } from './route-access-types.ts';

/** The global search: answered for everyone signed in, with only what each may read. */
export const SEARCH_ROUTES: Record<string, Entry> = {
  'GET /api/v1/search': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('phiên họp hà nội')}` }),
    expected: {
      status: 200,
      because: 'everyone signed in searches, and finds only what they may read: not a meeting of Hà Nội from HCM',
      check: (body) => {
        const result = body as SearchResult;
        expect(result.goTo).toBeNull();
        expect(result.groups.flatMap((group) => group.items)).toEqual([]);
      },
    },
  },
};
