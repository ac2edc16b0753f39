/// <reference types="vite-plugin-pwa/vanillajs" />

const HOUR = 60 * 60 * 1000;

/**
 * The service worker's update flow. A new deployment installs in the background and waits; the
 * person reloads when it suits them (a half-finished import or scenario is not cut off), and
 * their datasets and scenarios stay in IndexedDB, which the service worker never touches.
 */
class AppUpdate {
  available = $state(false);
  #update: (() => Promise<void>) | null = null;

  /**
   * Registers the service worker once the page has marked `markName`, or after `timeoutMs` if it
   * never does (a failed load). Its first install downloads the whole app for offline use; on a
   * first visit that would compete with the first map for the network and the CPU.
   */
  startAfter(markName: string, timeoutMs: number): void {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      observer.disconnect();
      clearTimeout(timer);
      void this.start();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(markName).length > 0) start();
    });
    observer.observe({ type: 'mark' });
    const timer = setTimeout(start, timeoutMs);
  }

  async start(): Promise<void> {
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      onNeedRefresh: () => (this.available = true),
      onRegisteredSW: (_url, registration) => {
        // A tab left open all day (a meeting-room screen) still learns of new versions.
        if (registration) {
          setInterval(() => {
            if (navigator.onLine) void registration.update().catch(() => undefined);
          }, HOUR);
        }
      },
    });
  }

  /** Activates the waiting version; the page reloads once it has taken control. */
  reload(): void {
    void this.#update?.();
  }
}

export const appUpdate = new AppUpdate();
