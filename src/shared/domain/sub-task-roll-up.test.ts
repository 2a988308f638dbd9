import { describe, expect, it } from 'vitest';
import { rollUpSubTasks, type SubTaskReading } from './sub-task-roll-up.ts';
import type { Timeliness } from './timeliness.ts';

const sub = (id: string, parentId: string, timeliness: Timeliness | null, progressPercent: number): SubTaskReading => ({
  id,
  parentId,
  timeliness,
  progressPercent,
});

const tally = (counts: Partial<Record<Timeliness, number>>) => ({
  on_time: 0,
  late: 0,
  overdue: 0,
  due_soon: 0,
  on_track: 0,
  ongoing: 0,
  ...counts,
});

describe('rollUpSubTasks', () => {
  it('weighs each sub-task the same: R57-0344’s communes at 61, 41 and done make 67, two of them overdue', () => {
    const rollUps = rollUpSubTasks(
      ['P'],
      [sub('C1', 'P', 'overdue', 61), sub('C2', 'P', 'overdue', 41), sub('C3', 'P', 'on_time', 100)],
    );
    expect(rollUps.get('P')).toEqual({ count: 3, progressPercent: 67, timeliness: tally({ overdue: 2, on_time: 1 }) });
  });

  it('counts a completed sub-task as 100 whatever its last report said, late or not', () => {
    const rollUps = rollUpSubTasks(['P'], [sub('C1', 'P', 'late', 80), sub('C2', 'P', 'on_track', 0)]);
    expect(rollUps.get('P')?.progressPercent).toBe(50);
  });

  it('leaves out drafts and cancelled sub-tasks, and gives nothing when none is left', () => {
    const rollUps = rollUpSubTasks(
      ['P', 'Q'],
      [sub('C1', 'P', null, 90), sub('C2', 'P', 'due_soon', 30), sub('D1', 'Q', null, 50)],
    );
    expect(rollUps.get('P')).toEqual({ count: 1, progressPercent: 30, timeliness: tally({ due_soon: 1 }) });
    expect(rollUps.has('Q')).toBe(false);
  });

  it('takes a further broken-down sub-task’s own roll-up, and tallies the whole subtree', () => {
    const rollUps = rollUpSubTasks(
      ['P', 'C1'],
      [
        sub('C1', 'P', 'on_track', 10),
        sub('C2', 'P', 'ongoing', 20),
        sub('G1', 'C1', 'overdue', 40),
        sub('G2', 'C1', 'on_time', 100),
      ],
    );
    // C1 brings its units' 70, not its own 10: (70 + 20) / 2.
    expect(rollUps.get('C1')).toEqual({ count: 2, progressPercent: 70, timeliness: tally({ overdue: 1, on_time: 1 }) });
    expect(rollUps.get('P')).toEqual({
      count: 2,
      progressPercent: 45,
      timeliness: tally({ on_track: 1, ongoing: 1, overdue: 1, on_time: 1 }),
    });
  });

  it('rounds half up to a whole percent', () => {
    expect(
      rollUpSubTasks(['P'], [sub('C1', 'P', 'on_track', 0), sub('C2', 'P', 'on_track', 1)]).get('P')?.progressPercent,
    ).toBe(1);
  });
});
