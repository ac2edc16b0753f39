import { expect, test as base, type Page } from '@playwright/test';

interface MapHandle {
  atlasMap: {
    queryRenderedFeatures(options: { layers: string[] }): {
      properties: Record<string, string>;
      state: Record<string, unknown>;
    }[];
    project(lngLat: [number, number]): { x: number; y: number };
    getBounds(): { contains(lngLat: [number, number]): boolean };
    once(event: string, listener: () => void): void;
    isMoving(): boolean;
  };
  cspViolations: string[];
}

/**
 * Every page records Content-Security-Policy violations and every request, so each test can
 * assert that nothing left the app's origin.
 */
export const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ page }, use) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          w.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      await use(requests);
    },
    { auto: true },
  ],
});

export { expect };

export async function openAtlas(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** Waits until the map has stopped moving and rendered. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as unknown as MapHandle).atlasMap;
    return !map.isMoving();
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        (window as unknown as MapHandle).atlasMap.once('idle', () => resolve());
        setTimeout(resolve, 2000);
      }),
  );
}

/** District codes drawn with a value (feature-state `value` set) in the current view. */
export async function drawnDistrictsWithData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as unknown as MapHandle).atlasMap;
    const codes = map
      .queryRenderedFeatures({ layers: ['district-choropleth'] })
      .filter((f) => f.state.value !== null && f.state.value !== undefined)
      .map((f) => f.properties.code!);
    return [...new Set(codes)].sort();
  });
}

export async function pixelOf(page: Page, lngLat: [number, number]) {
  return page.evaluate((point) => (window as unknown as MapHandle).atlasMap.project(point), lngLat);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as MapHandle).cspViolations);
}

export async function sovereigntyLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as MapHandle).atlasMap
      .queryRenderedFeatures({ layers: ['sovereignty-labels', 'sea-labels'] })
      .map((f) => f.properties.name!),
  );
}

export async function inView(page: Page, lngLat: [number, number]): Promise<boolean> {
  return page.evaluate(
    (point) => (window as unknown as MapHandle).atlasMap.getBounds().contains(point),
    lngLat,
  );
}
