import { describe, expect, it } from 'vitest';
import { decodeTcvn3, isTcvn3Name } from './tcvn3.ts';

describe('decodeTcvn3', () => {
  it('reads Vietnamese names typed in the .Vn fonts', () => {
    // "Huyện Lâm Bình", "Thành phố Tuyên Quang", "Đắk Nông" in TCVN3 bytes.
    const bytes = (...codes: (number | string)[]) =>
      Uint8Array.from(
        codes.flatMap((c) => (typeof c === 'string' ? [...c].map((ch) => ch.charCodeAt(0)) : [c])),
      );
    expect(decodeTcvn3(bytes('Huy', 0xd6, 'n L', 0xa9, 'm B', 0xd7, 'nh'))).toBe('Huyện Lâm Bình');
    expect(decodeTcvn3(bytes('Th', 0xb5, 'nh ph', 0xe8, ' Tuy', 0xaa, 'n Quang'))).toBe(
      'Thành phố Tuyên Quang',
    );
    expect(decodeTcvn3(bytes(0xa7, 0xbe, 'k N', 0xab, 'ng'))).toBe('Đắk Nông');
  });

  it('keeps ASCII and leaves no byte undecoded', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeTcvn3(all)).toHaveLength(256);
    expect(decodeTcvn3(new TextEncoder().encode('Na Hang 072'))).toBe('Na Hang 072');
  });

  it('knows the names a .cpg gives it', () => {
    for (const name of ['TCVN3', 'tcvn', 'ABC', 'TCVN 5712'.replace(' ', '-'), ' VN3 ']) {
      expect(isTcvn3Name(name)).toBe(true);
    }
    expect(isTcvn3Name('UTF-8')).toBe(false);
  });
});
