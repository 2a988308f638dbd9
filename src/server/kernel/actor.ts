import { calendarDateOf } from '../../shared/domain/calendar-date.ts';
import type { Principal } from './principal.ts';

/**
 * Who acts and when. Requests act now; the demo seed acts on past days through the same services,
 * which is how its history (and every as_of reading of it) comes about.
 */
export interface Actor {
  principal: Principal;
  now: Date;
}

/** The calendar day the actor acts on, in the committee's time zone. */
export const dayOf = (actor: Actor): string => calendarDateOf(actor.now);
