import { enFoundation } from './en-foundation.ts';
import { enMonitoring } from './en-monitoring.ts';

/**
 * The source catalogue: every message of the server and the web app, as ICU MessageFormat, one file
 * per area. Keys are flat and dotted so that vi and fr can be checked key by key by TypeScript.
 */
export const en = { ...enFoundation, ...enMonitoring } as const;

export type MessageKey = keyof typeof en;
/** What every locale must provide: exactly the keys of the English source. */
export type Catalogue = Record<MessageKey, string>;
