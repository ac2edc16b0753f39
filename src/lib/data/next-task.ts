/**
 * Ends the current main-thread task and resumes in a new one, so that work split across awaits
 * of it never adds up to one long task (input and frames can run in between). `scheduler.yield`
 * resumes ahead of other queued work where the browser has it; elsewhere a zero-delay timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
