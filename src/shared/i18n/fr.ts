import type { Catalogue } from './en.ts';
import { frFoundation } from './fr-foundation.ts';
import { frMonitoring } from './fr-monitoring.ts';

/** French. */
export const fr = { ...frFoundation, ...frMonitoring } satisfies Catalogue;
