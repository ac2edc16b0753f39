import { parseRoute, routeHash, type Route, type WritableRoute } from '../domain/route.ts';

export type NavigationListener = (route: Route, hash: string) => void;

/**
 * The address bar, for the whole app: the one `hashchange` listener, and the one place the
 * address is written. `route` is what the address says now; `onNavigate` tells of navigation
 * alone (a link followed, Back/Forward, an address typed or pasted), never of the router's own
 * writes — which change the address without a `hashchange`, as a view's address follows the view.
 */
export class RouterState {
  hash = $state(location.hash);
  route: Route = $derived(parseRoute(this.hash));

  readonly #listeners = new Set<NavigationListener>();
  #pending: ReturnType<typeof setTimeout> | undefined;

  /** Listens to the window; returns the way to stop (for an effect's teardown). */
  listen(): () => void {
    const follow = () => {
      this.#cancelPending();
      this.hash = location.hash;
      const { route, hash } = this;
      for (const listener of [...this.#listeners]) listener(route, hash);
    };
    window.addEventListener('hashchange', follow);
    return () => {
      this.#cancelPending();
      window.removeEventListener('hashchange', follow);
    };
  }

  /** Calls `listener` at every navigation; returns the way to stop. */
  onNavigate(listener: NavigationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Replaces the address (no history entry), e.g. as the view changes. */
  replace(route: WritableRoute): void {
    this.#write(routeHash(route), 'replace');
  }

  /**
   * Replaces the address in a task of its own, once for a burst of calls: writing it
   * (`history.replaceState`) is costly, and it need not hold up the work that changed the view.
   * A navigation or a write before then cancels it; so does an address changed since the router
   * last saw it — a navigation whose `hashchange` has not arrived yet, which must not be undone.
   */
  replaceSoon(route: WritableRoute): void {
    this.#cancelPending();
    this.#pending = setTimeout(() => {
      this.#pending = undefined;
      if (location.hash === this.hash) this.replace(route);
    });
  }

  /** Adds a history entry for the route, so that Back leaves it. */
  push(route: WritableRoute): void {
    this.#write(routeHash(route), 'push');
  }

  #cancelPending(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
  }

  #write(hash: string, how: 'replace' | 'push'): void {
    this.#cancelPending();
    if (location.hash !== hash) {
      // An empty hash is written as the bare address, without a trailing `#`.
      const url = hash === '' ? `${location.pathname}${location.search}` : hash;
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    }
    this.hash = location.hash;
  }
}
