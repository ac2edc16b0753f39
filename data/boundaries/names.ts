import { DISTRICT_TYPES, type DistrictType } from './types.ts';

/** NFC with single spaces, so names compare and render the same whatever their source. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Splits "Huyện Lâm Bình" into its unit type and bare name. The prefix is matched without regard
 * to case because the source writes a few as "Thành Phố" / "Thị Xã"; the returned full name
 * uses the canonical spelling of the prefix. Null when no known prefix starts the name.
 */
export function parseDistrictName(
  name: string,
): { type: DistrictType; name: string; bareName: string } | null {
  const normalised = normaliseName(name);
  const lower = normalised.toLocaleLowerCase('vi');
  for (const type of DISTRICT_TYPES) {
    const prefix = `${type.toLocaleLowerCase('vi')} `;
    if (lower.startsWith(prefix) && normalised.length > prefix.length) {
      const bareName = normalised.slice(prefix.length);
      return { type, name: `${type} ${bareName}`, bareName };
    }
  }
  return null;
}

/**
 * Map label of a district: huyện and quận by their bare name ("Lâm Bình", "Ba Đình"), cities
 * and towns abbreviated as on Vietnamese maps ("TP Tuyên Quang", "TX Quảng Yên") so that a
 * city is not mistaken for the province it shares a name with. Numbered quận keep their
 * prefix ("Quận 1"): a bare number is no label.
 */
export function districtLabelName(name: string): string {
  const parsed = parseDistrictName(name);
  if (!parsed) return normaliseName(name);
  switch (parsed.type) {
    case 'Thành phố':
      return `TP ${parsed.bareName}`;
    case 'Thị xã':
      return `TX ${parsed.bareName}`;
    case 'Quận':
      return /^\d+$/.test(parsed.bareName) ? parsed.name : parsed.bareName;
    case 'Huyện':
      return parsed.bareName;
  }
}

/**
 * Map label of a province: the name without "Tỉnh" / "Thành phố" ("Tuyên Quang", "Hà Nội"),
 * except "TP Hồ Chí Minh", whose bare name is a person's name.
 */
export function provinceLabelName(name: string): string {
  const normalised = normaliseName(name);
  const bare = normalised.replace(/^(tỉnh|thành phố) /iu, '');
  return bare === 'Hồ Chí Minh' ? `TP ${bare}` : bare;
}
