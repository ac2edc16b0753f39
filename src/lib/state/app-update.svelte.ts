/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

const HOUR = 60 * 60 * 1000;

/**
 * The service worker's update flow. A new deployment installs in the background and waits; the
 * person reloads when it suits them (a half-finished import or scenario is not cut off), and
 * their datasets and scenarios stay in IndexedDB, which the service worker never touches.
 */
class AppUpdate {
  available = $state(false);
  #update: (() => Promise<void>) | null = null;

  start(): void {
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
