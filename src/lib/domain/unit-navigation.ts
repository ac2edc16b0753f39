/**
 * Keyboard stepping from unit to unit on the map. Two orders:
 * - by direction (arrow keys): the nearest unit whose label point lies that way, measured on the
 *   ground (longitude scaled by the cosine of the latitude), preferring units straight ahead;
 * - by reading order (next / previous / first / last): province name, then unit name, in the
 *   locale's collation, wrapping around at the ends.
 */

export interface NavigableUnit {
  code: string;
  name: string;
  provinceName: string;
  /** The unit's label point, [longitude, latitude]. */
  point: readonly [number, number];
}

export type SpatialDirection = 'up' | 'down' | 'left' | 'right';
export type StepDirection = SpatialDirection | 'next' | 'previous' | 'first' | 'last';

/** A unit off to the side counts this many times its sideways distance against it. */
const SIDEWAYS_WEIGHT = 2;

export function readingOrder<U extends NavigableUnit>(units: readonly U[], locale: string): U[] {
  const collator = new Intl.Collator(locale);
  return [...units].sort(
    (a, b) =>
      collator.compare(a.provinceName, b.provinceName) ||
      collator.compare(a.name, b.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The unit to move to from `currentCode` (null: nothing selected yet, so the first unit in
 * reading order). Returns the current code when nothing lies in that direction, and null only
 * when there are no units.
 */
export function stepUnit(
  units: readonly NavigableUnit[],
  currentCode: string | null,
  direction: StepDirection,
  locale: string,
): string | null {
  const ordered = readingOrder(units, locale);
  if (ordered.length === 0) return null;
  const index = currentCode === null ? -1 : ordered.findIndex((u) => u.code === currentCode);
  if (index < 0 || direction === 'first') return ordered[0]!.code;
  if (direction === 'last') return ordered.at(-1)!.code;
  if (direction === 'next') return ordered[(index + 1) % ordered.length]!.code;
  if (direction === 'previous') return ordered[(index - 1 + ordered.length) % ordered.length]!.code;
  return nearestInDirection(ordered, ordered[index]!, direction)?.code ?? currentCode;
}

function nearestInDirection(
  ordered: readonly NavigableUnit[],
  from: NavigableUnit,
  direction: SpatialDirection,
): NavigableUnit | null {
  const [lon0, lat0] = from.point;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  let best: NavigableUnit | null = null;
  let bestScore = Infinity;
  for (const unit of ordered) {
    if (unit.code === from.code) continue;
    const east = (unit.point[0] - lon0) * cos;
    const north = unit.point[1] - lat0;
    const [ahead, sideways] =
      direction === 'right'
        ? [east, north]
        : direction === 'left'
          ? [-east, north]
          : direction === 'up'
            ? [north, east]
            : [-north, east];
    if (ahead <= 0) continue;
    const score = ahead + SIDEWAYS_WEIGHT * Math.abs(sideways);
    // Strictly lower, so equal scores keep the earlier unit in reading order.
    if (score < bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}

/** The direction a key asks for, or null for keys that do not step. */
export function directionOfKey(key: string): StepDirection | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'PageDown':
    case 'n':
      return 'next';
    case 'PageUp':
    case 'p':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
