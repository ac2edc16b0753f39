import { describe, expect, it } from 'vitest';
import { computeInputHash } from './manifest.ts';

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

describe('computeInputHash', () => {
  const inputs = [file('gis/01.json', '{"a":1}'), file('gis/02.json', '{"b":2}')];
  const code = [file('topology.ts', 'export {}')];

  it('does not depend on the order the files were listed in', () => {
    expect(computeInputHash([...inputs].reverse(), code)).toBe(computeInputHash(inputs, code));
  });

  it('changes with any input byte, any file name, or the build code', () => {
    const base = computeInputHash(inputs, code);
    expect(computeInputHash([inputs[0]!, file('gis/02.json', '{"b":3}')], code)).not.toBe(base);
    expect(computeInputHash([inputs[0]!, file('gis/03.json', '{"b":2}')], code)).not.toBe(base);
    expect(computeInputHash(inputs, [file('topology.ts', 'export {};')])).not.toBe(base);
  });

  it('does not confuse content moved across a file boundary', () => {
    const a = computeInputHash([file('x', 'ab'), file('y', 'c')], []);
    const b = computeInputHash([file('x', 'a'), file('y', 'bc')], []);
    expect(a).not.toBe(b);
  });
});
