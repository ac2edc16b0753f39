import type { SourceDocument } from '../dataset.ts';

/**
 * A list of units designated by a document (poor districts, high-poverty areas), stored as
 * membership with its source. The lists the seed documents name are here; the national
 * poor-district list of QĐ 353/QĐ-TTg (2022), read only in part, comes from `data/national/`
 * through the data build (`AtlasIndex.designatedLists`). QĐ 275/QĐ-TTg (2018) is a different list
 * and is not shipped.
 */
export interface DesignatedList {
  id: string;
  label: { vi: string; en: string };
  /** How a member's reason reads: "huyện nghèo". */
  reason: { vi: string; en: string };
  /** Members as 2019 district codes, with the name the document uses. */
  members: { code: string; name: string }[];
  source: SourceDocument;
  /** The document's own words naming the members. */
  quote: string;
  /** For a list read only in part: how many members the act names and how many are known. */
  completeness?: { stated: number; known: number };
}

/** How much of an incomplete list is known ("56/74 đã biết, thiếu 18"); null for a whole list. */
export function listGap(list: DesignatedList, locale: 'vi' | 'en'): string | null {
  const size = list.completeness;
  if (!size || size.known >= size.stated) return null;
  const missing = size.stated - size.known;
  return locale === 'vi'
    ? `${size.known}/${size.stated} đã biết, thiếu ${missing}`
    : `${size.known} of ${size.stated} known, ${missing} missing`;
}

/** A list's name, saying how incomplete it is wherever it is shown. */
export function listLabel(list: DesignatedList, locale: 'vi' | 'en'): string {
  const gap = listGap(list, locale);
  return gap ? `${list.label[locale]} — ${gap}` : list.label[locale];
}

/** Kiên Giang's 2017 instruction names two lists in different sections. */
const KIEN_GIANG_369: Omit<SourceDocument, 'locator'> = {
  title:
    'V/v tăng cường chỉ đạo thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016-2020',
  number: '369/UBND-VHXH',
  date: '2017-03-14',
  issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
};

export const DESIGNATED_LISTS: readonly DesignatedList[] = [
  {
    id: 'tuyen-quang-poor-districts-2020',
    label: {
      vi: 'Huyện nghèo tỉnh Tuyên Quang (kế hoạch 2020)',
      en: 'Poor districts of Tuyên Quang (2020 plan)',
    },
    reason: { vi: 'huyện nghèo', en: 'poor district' },
    members: [
      { code: '071', name: 'Lâm Bình' },
      { code: '072', name: 'Na Hang' },
    ],
    source: {
      title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
      number: null,
      date: null,
      issuer: 'Ủy ban nhân dân tỉnh Tuyên Quang',
      locator: 'Phần mục tiêu, chỉ tiêu',
    },
    quote: 'Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên.',
  },
  {
    id: 'kien-giang-high-poverty-districts-2017',
    label: {
      vi: 'Huyện có tỷ lệ hộ nghèo cao tỉnh Kiên Giang (2017)',
      en: 'High-poverty districts of Kiên Giang (2017)',
    },
    reason: { vi: 'huyện tỷ lệ nghèo cao', en: 'high-poverty district' },
    members: [
      { code: '914', name: 'Giang Thành' },
      { code: '913', name: 'U Minh Thượng' },
      { code: '909', name: 'An Minh' },
      { code: '908', name: 'An Biên' },
    ],
    source: { ...KIEN_GIANG_369, locator: 'Mục 3 và mục 5' },
    quote:
      'các địa bàn có tỷ lệ hộ nghèo cao như: Huyện Giang Thành, U Minh Thượng, An Minh và An Biên',
  },
  {
    id: 'kien-giang-coastal-communes-2017',
    label: {
      vi: 'Huyện có xã đặc biệt khó khăn bãi ngang ven biển tỉnh Kiên Giang (2017)',
      en: 'Districts with extremely difficult coastal communes, Kiên Giang (2017)',
    },
    reason: {
      vi: 'có xã ĐBKK bãi ngang ven biển',
      en: 'has extremely difficult coastal communes',
    },
    members: [
      { code: '909', name: 'An Minh' },
      { code: '908', name: 'An Biên' },
      { code: '903', name: 'Hòn Đất' },
    ],
    source: { ...KIEN_GIANG_369, locator: 'Mục 3' },
    quote: 'xã đặc biệt khó khăn bãi ngang ven biển thuộc các huyện: An Minh, An Biên và Hòn Đất',
  },
];
