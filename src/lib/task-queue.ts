/**
 * Cooperative scheduling for heavy rendering work (YAML, text diffs): jobs run
 * in FIFO order, several per macrotask while they fit in a small time budget,
 * then the queue yields to the browser so input and paint are never blocked
 * by one long task. One queue for the page, so many components asking at once
 * still share the main thread fairly.
 */

/** How long the queue works before it yields (ms). Well under the 50 ms "long task" mark. */
export const TASK_BUDGET_MS = 8;

interface Job {
  run: () => void;
}

const jobs: Job[] = [];
let scheduled = false;

const channel =
  typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();
if (channel) channel.port1.onmessage = () => drain();

function yieldToBrowser() {
  if (scheduled) return;
  scheduled = true;
  // A message task runs right after the browser had a chance to paint and handle input,
  // without setTimeout's 4 ms clamp.
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drain, 0);
}

function drain() {
  scheduled = false;
  const start = performance.now();
  while (jobs.length > 0) {
    jobs.shift()!.run();
    if (performance.now() - start >= TASK_BUDGET_MS) break;
  }
  if (jobs.length > 0) yieldToBrowser();
}

/** Thrown (as a rejection) when a job's signal was aborted before it ran. */
export class TaskAbortedError extends Error {
  constructor() {
    super('The task was cancelled.');
    this.name = 'TaskAbortedError';
  }
}

/**
 * Runs `job` in a later macrotask, after the jobs queued before it. Rejects with
 * {@link TaskAbortedError} if `signal` aborts first (the job then never runs).
 */
export function scheduleTask<T>(
  job: () => T,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    jobs.push({
      run: () => {
        if (signal?.aborted) return reject(new TaskAbortedError());
        try {
          resolve(job());
        } catch (error) {
          reject(error);
        }
      },
    });
    yieldToBrowser();
  });
}

/** Maps `items` with `fn`, one scheduled job per item, so a long list never blocks the page. */
export async function mapInTasks<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  signal?: AbortSignal,
): Promise<R[]> {
  return Promise.all(
    items.map((item, i) => scheduleTask(() => fn(item, i), signal)),
  );
}

/** Whether an error only says that a scheduled job was cancelled. */
export function isTaskAborted(error: unknown): boolean {
  return error instanceof TaskAbortedError;
}
