import { describe, expect, it } from 'vitest';
import {
  isTaskAborted,
  mapInTasks,
  scheduleTask,
  TASK_BUDGET_MS,
} from './task-queue';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
};

describe('the task queue', () => {
  it('runs jobs later, in order, with their results', async () => {
    const order: number[] = [];
    const first = scheduleTask(() => order.push(1));
    const second = scheduleTask(() => order.push(2));
    expect(order).toEqual([]);
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
    expect(await mapInTasks(['a', 'b', 'c'], (s, i) => `${s}${i}`)).toEqual([
      'a0',
      'b1',
      'c2',
    ]);
  });

  it('runs quick jobs in one batch and splits slow ones across tasks at the time budget', async () => {
    // A microtask queued by the first job runs before the last job only if a task boundary lies between them.
    const run = async (work: () => void) => {
      let microtaskRan = false;
      const jobs = Array.from({ length: 6 }, (_, i) =>
        scheduleTask(() => {
          if (i === 0) void Promise.resolve().then(() => (microtaskRan = true));
          work();
          return microtaskRan;
        }),
      );
      return (await Promise.all(jobs))[5];
    };
    expect(await run(() => {})).toBe(false);
    expect(await run(() => busy(TASK_BUDGET_MS / 2 + 1))).toBe(true);
  });

  it('skips a job whose signal was aborted and passes errors on', async () => {
    const controller = new AbortController();
    let ran = false;
    const job = scheduleTask(() => (ran = true), controller.signal);
    controller.abort();
    await expect(job).rejects.toSatisfy(isTaskAborted);
    expect(ran).toBe(false);
    await expect(
      scheduleTask(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
