/**
 * TCVN3 (TCVN 5712:1993, "ABC", the .Vn fonts): the 8-bit Vietnamese encoding of many older
 * government Shapefiles. Bytes below 0x80 are ASCII; the table gives the Vietnamese letters.
 * Capital toned letters have no codes of their own (the capital .VnTimeH font draws the small
 * ones), so such names read in small letters — matching ignores case anyway.
 */
// Hex byte, then its letter: `a9â` is byte 0xA9, â.
const LETTERS = [
  'a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ',
  'b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ c7ầ c8ẩ c9ẫ caấ',
  'cbậ ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ',
  'ddí deị dfò e1ỏ e2õ e3ó e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở',
  'ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ',
  'fbỷ fcỹ fdý feỵ',
].join(' ');

const TABLE: string[] = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte));
for (const entry of LETTERS.split(' ')) TABLE[parseInt(entry.slice(0, 2), 16)] = entry.slice(2);

/** A byte outside the table keeps its Latin-1 meaning, so no byte is ever lost or refused. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += TABLE[byte];
  return text;
}

/** The .cpg names people write for it. */
export function isTcvn3Name(name: string): boolean {
  return /^(TCVN-?3|TCVN|TCVN-?5712(:1993)?|ABC|VN-?3|X-VIET-TCVN5712)$/i.test(name.trim());
}
