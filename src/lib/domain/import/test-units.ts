import type { KnownUnit } from './unit-names.ts';

/** A few real units (2019 boundaries, GSO codes) with the names that make matching hard. */
export const TEST_UNITS: KnownUnit[] = [
  { level: 'province', code: '08', name: 'Tỉnh Tuyên Quang', provinceCode: '08' },
  { level: 'district', code: '070', name: 'Thành phố Tuyên Quang', provinceCode: '08' },
  { level: 'district', code: '071', name: 'Huyện Lâm Bình', provinceCode: '08' },
  { level: 'district', code: '072', name: 'Huyện Na Hang', provinceCode: '08' },
  { level: 'district', code: '073', name: 'Huyện Chiêm Hóa', provinceCode: '08' },
  { level: 'district', code: '074', name: 'Huyện Hàm Yên', provinceCode: '08' },
  { level: 'district', code: '075', name: 'Huyện Yên Sơn', provinceCode: '08' },
  { level: 'district', code: '076', name: 'Huyện Sơn Dương', provinceCode: '08' },
  { level: 'province', code: '02', name: 'Tỉnh Hà Giang', provinceCode: '02' },
  { level: 'district', code: '024', name: 'Thành phố Hà Giang', provinceCode: '02' },
  { level: 'province', code: '82', name: 'Tỉnh Tiền Giang', provinceCode: '82' },
  { level: 'district', code: '817', name: 'Huyện Châu Thành', provinceCode: '82' },
  { level: 'district', code: '818', name: 'Thị xã Cai Lậy', provinceCode: '82' },
  { level: 'district', code: '822', name: 'Huyện Cai Lậy', provinceCode: '82' },
  { level: 'province', code: '91', name: 'Tỉnh Kiên Giang', provinceCode: '91' },
  { level: 'district', code: '899', name: 'Thành phố Rạch Giá', provinceCode: '91' },
  { level: 'district', code: '905', name: 'Huyện Châu Thành', provinceCode: '91' },
  { level: 'province', code: '79', name: 'Thành phố Hồ Chí Minh', provinceCode: '79' },
  { level: 'district', code: '760', name: 'Quận 1', provinceCode: '79' },
];
