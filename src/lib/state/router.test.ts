import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRoute, type Route, type WritableRoute } from '../domain/route.ts';
import { RouterState } from './router.svelte.ts';

/** The address bar, its history and the window's listeners, as the router uses them. */
function fakeBrowser() {
  const location = { hash: '', pathname: '/atlas/', search: '?x=1' };
  const entries: string[] = [];
  const listeners = new Set<() => void>();
  const go = (url: string) => (location.hash = url.startsWith('#') ? url : '');
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => go(url),
    pushState: (_: unknown, __: string, url: string) => {
      entries.push(url);
      go(url);
    },
  });
  vi.stubGlobal('window', {
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'hashchange') listeners.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => {
      if (type === 'hashchange') listeners.delete(listener);
    },
  });
  return {
    location,
    entries,
    listeners,
    /** A link followed or an address typed: the hash changes, then `hashchange` fires. */
    navigate(hash: string) {
      location.hash = hash;
      for (const listener of [...listeners]) listener();
    },
  };
}

describe('RouterState', () => {
  let browser: ReturnType<typeof fakeBrowser>;
  beforeEach(() => {
    browser = fakeBrowser();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads the address it starts with', () => {
    browser.location.hash = '#/open-data';
    expect(new RouterState().route).toEqual({ kind: 'open-data' });
  });

  it('has one window listener, and tells every subscriber of each navigation', () => {
    const router = new RouterState();
    const stop = router.listen();
    expect(browser.listeners.size).toBe(1);
    const seen: [string, Route['kind'], string][] = [];
    const unsubscribe = router.onNavigate((route, hash) => seen.push(['a', route.kind, hash]));
    router.onNavigate((route, hash) => seen.push(['b', route.kind, hash]));
    browser.navigate('#/open-data');
    browser.navigate('#data-table-view');
    unsubscribe();
    browser.navigate('#/map?d=tq&i=rate_end');
    expect(seen).toEqual([
      ['a', 'open-data', '#/open-data'],
      ['b', 'open-data', '#/open-data'],
      ['a', 'other', '#data-table-view'],
      ['b', 'other', '#data-table-view'],
      ['b', 'view', '#/map?d=tq&i=rate_end'],
    ]);
    expect(router.route.kind).toBe('view');
    stop();
    expect(browser.listeners.size).toBe(0);
  });

  it('writes the address without telling subscribers; push adds a history entry', () => {
    const router = new RouterState();
    router.listen();
    const seen = vi.fn();
    router.onNavigate(seen);
    router.push({ kind: 'open-data' });
    expect(browser.entries).toEqual(['#/open-data']);
    expect(router.route).toEqual({ kind: 'open-data' });
    // The bare address, not a trailing '#', and no new entry.
    router.replace({ kind: 'home' });
    expect(browser.entries).toEqual(['#/open-data']);
    expect(browser.location.hash).toBe('');
    expect(router.route).toEqual({ kind: 'home' });
    // Pushing the address already shown adds nothing.
    router.push({ kind: 'home' });
    expect(browser.entries).toEqual(['#/open-data']);
    expect(seen).not.toHaveBeenCalled();
  });

  describe('replaceSoon', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    const view = (d: string) => parseRoute(`#/map?d=${d}&i=rate_end`) as WritableRoute;

    it('writes once, in a task of its own, the last of a burst', () => {
      const router = new RouterState();
      router.listen();
      router.replaceSoon({ kind: 'open-data' });
      router.replaceSoon(view('a'));
      router.replaceSoon(view('b'));
      expect(browser.location.hash).toBe('');
      vi.runAllTimers();
      expect(router.route).toEqual(view('b'));
      expect(browser.entries).toEqual([]);
    });

    it('is cancelled by a navigation, and by a write in between', () => {
      const router = new RouterState();
      router.listen();
      router.replaceSoon(view('a'));
      browser.navigate('#/open-data');
      vi.runAllTimers();
      expect(browser.location.hash).toBe('#/open-data');
      router.replaceSoon(view('a'));
      router.push({ kind: 'home' });
      vi.runAllTimers();
      expect(browser.location.hash).toBe('');
    });

    it('never undoes a navigation whose hashchange has not arrived yet', () => {
      const router = new RouterState();
      router.listen();
      router.replaceSoon(view('a'));
      // A pasted link: the address changes now, its hashchange comes in a later task.
      browser.location.hash = '#/map?d=pasted';
      vi.runAllTimers();
      expect(browser.location.hash).toBe('#/map?d=pasted');
    });
  });
});
