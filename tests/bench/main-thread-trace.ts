import type { Page } from 'playwright-core';

/** A main-thread task of 50 ms or more, and how long of it waited on the frame's read-back. */
export interface MainThreadTask {
  ms: number;
  readbackMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const LONG_TASK_US = 50_000;

/**
 * Records the page's main-thread tasks with Chromium's tracing (task and GPU events only, light
 * enough not to change the figures). Under software WebGL a frame's commit waits while the GPU
 * process draws the frame and reads it back (`GLES2::ReadPixels`): that wait is the renderer's
 * drawing, which tells a frame from script. Returns the way to stop, which gives the long tasks.
 */
export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadTask[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) =>
    events.push(...(data.value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', 'gpu'],
    },
  });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return longTasksOf(events);
  };
}

/** The long top-level tasks of the busiest renderer main thread (the page's), in order. */
function longTasksOf(events: TraceEvent[]): MainThreadTask[] {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(thread),
  );
  const counts = new Map<string, number>();
  for (const e of events) {
    if (mainThreads.has(thread(e))) counts.set(thread(e), (counts.get(thread(e)) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events
    .filter((e) => thread(e) === main && e.ph === 'X' && e.dur !== undefined)
    // By start, the outer of two that start together first.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const isTask = (e: TraceEvent) =>
    e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const ends = (e: TraceEvent) => e.ts + e.dur!;
  const tasks: TraceEvent[] = [];
  // Top level only: a task nested in another (the scheduler's wrapper) is the same task.
  for (const e of complete) {
    if (!isTask(e)) continue;
    const last = tasks.at(-1);
    if (last && e.ts < ends(last)) continue;
    tasks.push(e);
  }
  const readbacks = complete.filter((e) => e.name === 'GLES2::ReadPixels');
  return tasks
    .filter((task) => task.dur! >= LONG_TASK_US)
    .map((task) => ({
      ms: task.dur! / 1000,
      readbackMs:
        readbacks
          .filter((r) => r.ts >= task.ts && ends(r) <= ends(task))
          .reduce((sum, r) => sum + r.dur!, 0) / 1000,
    }));
}
