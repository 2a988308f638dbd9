import { TIMELINESS, type Timeliness } from './timeliness.ts';

/**
 * Roll-up of a cascaded task's sub-tasks (decision 0021): what its units' work adds up to, shown
 * beside the parent's own report, never written over it. One definition for the API's list rows and
 * task page, the screens and the exports.
 */

/** One sub-task as of the reading's day. */
export interface SubTaskReading {
  id: string;
  parentId: string;
  /** Null for a draft or a cancelled sub-task, which the roll-up leaves out as every count does. */
  timeliness: Timeliness | null;
  /** Its own reported percentage as of the day. */
  progressPercent: number;
}

export type TimelinessTally = Record<Timeliness, number>;

export interface SubTaskRollUp {
  /** The direct sub-tasks counted: assigned by the day, and not cancelled. */
  count: number;
  /**
   * The mean of the counted direct sub-tasks' progress, each weighing the same; a completed one
   * counts 100, and one broken down further brings its own roll-up. Whole percent.
   */
  progressPercent: number;
  /** Every counted sub-task below the task, at any depth, by timeliness. */
  timeliness: TimelinessTally;
}

const emptyTally = (): TimelinessTally => Object.fromEntries(TIMELINESS.map((value) => [value, 0])) as TimelinessTally;

/**
 * The roll-up of each of `parentIds` from the readings of all their descendants (any order).
 * A parent whose sub-tasks are all drafts or cancelled has none: it is left out of the map.
 */
export function rollUpSubTasks(parentIds: string[], readings: SubTaskReading[]): Map<string, SubTaskRollUp> {
  const childrenOf = new Map<string, SubTaskReading[]>();
  for (const reading of readings) {
    if (reading.timeliness === null) continue;
    const siblings = childrenOf.get(reading.parentId) ?? [];
    siblings.push(reading);
    childrenOf.set(reading.parentId, siblings);
  }
  const memo = new Map<string, SubTaskRollUp | undefined>();
  const rollUpOf = (id: string): SubTaskRollUp | undefined => {
    if (memo.has(id)) return memo.get(id);
    const children = childrenOf.get(id) ?? [];
    let result: SubTaskRollUp | undefined;
    if (children.length > 0) {
      const timeliness = emptyTally();
      let sum = 0;
      for (const child of children) {
        const below = rollUpOf(child.id);
        sum +=
          child.timeliness === 'on_time' || child.timeliness === 'late'
            ? 100
            : (below?.progressPercent ?? child.progressPercent);
        timeliness[child.timeliness as Timeliness] += 1;
        for (const value of TIMELINESS) timeliness[value] += below?.timeliness[value] ?? 0;
      }
      result = { count: children.length, progressPercent: Math.round(sum / children.length), timeliness };
    }
    memo.set(id, result);
    return result;
  };
  const rollUps = new Map<string, SubTaskRollUp>();
  for (const id of parentIds) {
    const rollUp = rollUpOf(id);
    if (rollUp) rollUps.set(id, rollUp);
  }
  return rollUps;
}
