import { describe, expect, it } from 'vitest';
import { districtLabelName, parseDistrictName, provinceLabelName } from './names.ts';

describe('parseDistrictName', () => {
  it.each([
    ['Huyện Lâm Bình', 'Huyện', 'Huyện Lâm Bình'],
    ['Thành phố Tuyên Quang', 'Thành phố', 'Thành phố Tuyên Quang'],
    ['Quận Ba Đình', 'Quận', 'Quận Ba Đình'],
    ['Thị xã Quảng Yên', 'Thị xã', 'Thị xã Quảng Yên'],
    ['Thành Phố Bắc Kạn', 'Thành phố', 'Thành phố Bắc Kạn'],
    ['  Thị Xã  Mường Lay ', 'Thị xã', 'Thị xã Mường Lay'],
  ])('reads %j as a %s', (input, type, name) => {
    expect(parseDistrictName(input)).toMatchObject({ type, name });
  });

  it('returns null without a district unit type', () => {
    expect(parseDistrictName('Phường Phúc Xá')).toBeNull();
    expect(parseDistrictName('Huyện')).toBeNull();
    expect(parseDistrictName('Huyệnx Lâm Bình')).toBeNull();
  });
});

describe('districtLabelName', () => {
  it.each([
    ['Huyện Lâm Bình', 'Lâm Bình'],
    ['Quận Ba Đình', 'Ba Đình'],
    ['Quận 1', 'Quận 1'],
    ['Thành phố Tuyên Quang', 'TP Tuyên Quang'],
    ['Thị xã Quảng Yên', 'TX Quảng Yên'],
    ['Huyện Hoàng Sa', 'Hoàng Sa'],
  ])('labels %j as %j', (name, label) => {
    expect(districtLabelName(name)).toBe(label);
  });
});

describe('provinceLabelName', () => {
  it.each([
    ['Tỉnh Tuyên Quang', 'Tuyên Quang'],
    ['Thành phố Hà Nội', 'Hà Nội'],
    ['Thành phố Huế', 'Huế'],
    ['Tỉnh Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Thành phố Hồ Chí Minh', 'TP Hồ Chí Minh'],
  ])('labels %j as %j', (name, label) => {
    expect(provinceLabelName(name)).toBe(label);
  });
});
