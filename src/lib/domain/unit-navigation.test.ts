import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  directionOfKey,
  readingOrder,
  stepUnit,
  type NavigableUnit,
  type StepDirection,
} from './unit-navigation.ts';

// A plus-shaped neighbourhood around a centre unit, near Tuyên Quang's latitude.
const unit = (code: string, name: string, lon: number, lat: number, provinceName = 'Tuyên Quang') =>
  ({ code, name, provinceName, point: [lon, lat] }) as NavigableUnit;
const centre = unit('c', 'Huyện Trung', 105.0, 22.0);
const north = unit('n', 'Huyện Bắc', 105.02, 22.3);
const south = unit('s', 'Huyện Nam', 104.98, 21.7);
const east = unit('e', 'Huyện Đông', 105.3, 22.02);
const west = unit('w', 'Huyện Tây', 104.7, 21.98);
const plus = [centre, north, south, east, west];

describe('stepUnit by direction', () => {
  it.each<[StepDirection, string]>([
    ['up', 'n'],
    ['down', 's'],
    ['right', 'e'],
    ['left', 'w'],
  ])('%s from the centre goes to the unit that lies that way', (direction, expected) => {
    expect(stepUnit(plus, 'c', direction, 'vi')).toBe(expected);
  });

  it('prefers a unit straight ahead over a nearer one far off to the side', () => {
    const diagonal = unit('d', 'Huyện Chéo', 105.2, 22.25);
    const ahead = unit('a', 'Huyện Xa', 105.45, 22.0);
    expect(stepUnit([centre, diagonal, ahead], 'c', 'right', 'vi')).toBe('a');
  });

  it('stays put at the edge, where nothing lies in that direction', () => {
    expect(stepUnit(plus, 'e', 'right', 'vi')).toBe('e');
    expect(stepUnit(plus, 'n', 'up', 'vi')).toBe('n');
  });

  it('measures east–west distance on the ground, not in degrees of longitude', () => {
    // At 60° N a degree of longitude is half a degree of latitude on the ground.
    const from = unit('o', 'A', 10, 60);
    const eastFar = unit('x', 'B', 11.8, 60); // 0,9° of ground east
    const northEast = unit('y', 'C', 10.4, 60.7); // 0,2 east, 0,7 north: mostly north
    expect(stepUnit([from, eastFar, northEast], 'o', 'right', 'en')).toBe('x');
    expect(stepUnit([from, eastFar, northEast], 'o', 'up', 'en')).toBe('y');
  });

  it('going one way and back returns to the start in a grid', () => {
    const grid: NavigableUnit[] = [];
    for (let x = 0; x < 4; x += 1) {
      for (let y = 0; y < 4; y += 1)
        grid.push(unit(`${x}${y}`, `U ${x}${y}`, 105 + x * 0.2, 21 + y * 0.2));
    }
    for (const start of grid) {
      const right = stepUnit(grid, start.code, 'right', 'vi')!;
      if (right !== start.code) expect(stepUnit(grid, right, 'left', 'vi')).toBe(start.code);
      const up = stepUnit(grid, start.code, 'up', 'vi')!;
      if (up !== start.code) expect(stepUnit(grid, up, 'down', 'vi')).toBe(start.code);
    }
  });
});

describe('stepUnit in reading order', () => {
  const units = [
    unit('3', 'Huyện Sơn Dương', 105.4, 21.7),
    unit('1', 'Huyện Lâm Bình', 105.2, 22.5),
    unit('9', 'Thành phố Rạch Giá', 105.1, 10.0, 'Kiên Giang'),
    unit('2', 'Huyện Na Hang', 105.4, 22.3),
  ];

  it('orders by province, then by name, with Vietnamese collation', () => {
    expect(readingOrder(units, 'vi').map((u) => u.code)).toEqual(['9', '1', '2', '3']);
  });

  it('starts at the first unit when nothing is selected, whatever the key', () => {
    for (const direction of ['up', 'next', 'previous', 'last'] as const) {
      expect(stepUnit(units, null, direction, 'vi')).toBe('9');
    }
  });

  it('next and previous wrap around; first and last go to the ends', () => {
    expect(stepUnit(units, '1', 'next', 'vi')).toBe('2');
    expect(stepUnit(units, '3', 'next', 'vi')).toBe('9');
    expect(stepUnit(units, '9', 'previous', 'vi')).toBe('3');
    expect(stepUnit(units, '2', 'first', 'vi')).toBe('9');
    expect(stepUnit(units, '2', 'last', 'vi')).toBe('3');
  });

  it('returns null when there is nothing to step to', () => {
    expect(stepUnit([], null, 'next', 'vi')).toBeNull();
  });

  it('next visits every unit once before coming back (property)', () => {
    const arbUnits = fc.uniqueArray(
      fc.record({
        code: fc.string({ minLength: 1, maxLength: 5 }),
        name: fc.string({ maxLength: 8 }),
        provinceName: fc.constantFrom('Tuyên Quang', 'Kiên Giang', 'Gia Lai'),
        point: fc.tuple(
          fc.double({ min: 102, max: 110, noNaN: true }),
          fc.double({ min: 8, max: 23, noNaN: true }),
        ),
      }),
      { selector: (u) => u.code, minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbUnits, (list) => {
        const seen = new Set<string>();
        let code = stepUnit(list, null, 'first', 'vi')!;
        for (let i = 0; i < list.length; i += 1) {
          seen.add(code);
          code = stepUnit(list, code, 'next', 'vi')!;
        }
        expect(seen.size).toBe(list.length);
        expect(code).toBe(stepUnit(list, null, 'first', 'vi'));
      }),
    );
  });

  it('a spatial step always lands on a unit of the list, or stays (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 102, max: 110, noNaN: true }),
            fc.double({ min: 8, max: 23, noNaN: true }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        fc.constantFrom<StepDirection>('up', 'down', 'left', 'right'),
        (points, direction) => {
          const list = points.map(([lon, lat], i) => unit(String(i), `U${i}`, lon, lat));
          const result = stepUnit(list, '0', direction, 'vi');
          expect(list.some((u) => u.code === result)).toBe(true);
        },
      ),
    );
  });
});

describe('directionOfKey', () => {
  it('maps arrow, page and home/end keys, and nothing else', () => {
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('PageDown')).toBe('next');
    expect(directionOfKey('PageUp')).toBe('previous');
    expect(directionOfKey('Home')).toBe('first');
    expect(directionOfKey('End')).toBe('last');
    expect(directionOfKey('Tab')).toBeNull();
    expect(directionOfKey('Enter')).toBeNull();
  });
});
