import type { Catalogue } from './en.ts';
import { viFoundation } from './vi-foundation.ts';
import { viMonitoring } from './vi-monitoring.ts';

/** Vietnamese: the default language of the product. */
export const vi = { ...viFoundation, ...viMonitoring } satisfies Catalogue;
