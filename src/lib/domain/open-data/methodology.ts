import type { Locale } from '../../i18n/messages.ts';

/**
 * How poverty is measured, for the open-data page. Every figure comes from
 * data/reference/poverty-standards.md (which names the public source of each line) or from the seed
 * documents, and each block lists its sources. Decree 07/2021's per-indicator deprivation
 * cut-offs are left out on purpose: no source that could be checked gives them.
 */

type Text = Record<Locale, string>;

export interface ThresholdRow {
  area: Text;
  poor: Text;
  nearPoor: Text;
  middle: Text;
}

export interface PovertyStandardMethod {
  id: '2016-2020' | '2022-2025';
  title: Text;
  act: Text;
  period: Text;
  thresholds: ThresholdRow[];
  dimensions: Text;
  indicators: Record<Locale, string[]>;
  rule: Text;
  caveats: Text[];
  sources: string[];
}

export const INCOME_UNIT: Text = {
  vi: 'Thu nhập bình quân đầu người (đồng/người/tháng)',
  en: 'Income per person (VND per person per month)',
};

export const POVERTY_STANDARDS: readonly PovertyStandardMethod[] = [
  {
    id: '2016-2020',
    title: {
      vi: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020',
      en: 'Multidimensional poverty standard 2016–2020',
    },
    act: {
      vi: 'Quyết định 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ',
      en: "Prime Minister's Decision 59/2015/QĐ-TTg of 19 November 2015",
    },
    period: {
      vi: 'Có hiệu lực từ 05/01/2016; Nghị định 07/2021/NĐ-CP giữ chuẩn này cho cả năm 2021.',
      en: 'In force from 5 January 2016; Decree 07/2021/NĐ-CP kept it for the whole of 2021.',
    },
    thresholds: [
      {
        area: { vi: 'Nông thôn', en: 'Rural' },
        poor: {
          vi: '≤ 700.000; hoặc trên 700.000 đến 1.000.000 và thiếu hụt từ 3 chỉ số trở lên',
          en: '≤ 700,000; or above 700,000 up to 1,000,000 and deprived in 3 or more indicators',
        },
        nearPoor: {
          vi: 'Trên 700.000 đến 1.000.000 và thiếu hụt dưới 3 chỉ số',
          en: 'Above 700,000 up to 1,000,000 and deprived in fewer than 3 indicators',
        },
        middle: { vi: '1.000.000–1.500.000', en: '1,000,000–1,500,000' },
      },
      {
        area: { vi: 'Thành thị', en: 'Urban' },
        poor: {
          vi: '≤ 900.000; hoặc trên 900.000 đến 1.300.000 và thiếu hụt từ 3 chỉ số trở lên',
          en: '≤ 900,000; or above 900,000 up to 1,300,000 and deprived in 3 or more indicators',
        },
        nearPoor: {
          vi: 'Trên 900.000 đến 1.300.000 và thiếu hụt dưới 3 chỉ số',
          en: 'Above 900,000 up to 1,300,000 and deprived in fewer than 3 indicators',
        },
        middle: { vi: '1.300.000–1.950.000', en: '1,300,000–1,950,000' },
      },
    ],
    dimensions: {
      vi: '5 dịch vụ xã hội cơ bản: y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin — đo bằng 10 chỉ số:',
      en: '5 basic social services: health, education, housing, clean water and sanitation, information — measured by 10 indicators:',
    },
    indicators: {
      vi: [
        'tiếp cận các dịch vụ y tế',
        'bảo hiểm y tế',
        'trình độ giáo dục của người lớn',
        'tình trạng đi học của trẻ em',
        'chất lượng nhà ở',
        'diện tích nhà ở bình quân đầu người',
        'nguồn nước sinh hoạt',
        'nhà tiêu hợp vệ sinh',
        'sử dụng dịch vụ viễn thông',
        'tài sản phục vụ tiếp cận thông tin',
      ],
      en: [
        'access to health-care services',
        'health insurance',
        'adult education attainment',
        "children's school attendance",
        'housing quality',
        'average floor area per person',
        'drinking-water source',
        'toilets/latrines',
        'use of telecom services',
        'assets for information access',
      ],
    },
    rule: {
      vi: 'Hộ nghèo (Điều 2): thu nhập không quá mức thấp, hoặc thu nhập trong khoảng trên mức thấp đến mức cao và thiếu hụt từ 3 trong 10 chỉ số trở lên. Hộ cận nghèo: thu nhập trong khoảng đó nhưng thiếu hụt dưới 3 chỉ số.',
      en: 'Poor household (Article 2): income at or below the lower line, or income between the lower and the upper line and deprived in 3 or more of the 10 indicators. Near-poor household: income in that band but deprived in fewer than 3.',
    },
    caveats: [
      {
        vi: 'Trước năm 2016, chuẩn nghèo chỉ dựa trên thu nhập ("tiêu chí cũ", 2011–2015): tỷ lệ theo chuẩn đó không so sánh được với tỷ lệ đa chiều. Ví dụ Kiên Giang: 1,44 % năm 2015 theo tiêu chí cũ, 9,78 % theo chuẩn đa chiều (Công văn 369/UBND-VHXH ngày 14/3/2017).',
        en: 'Before 2016 the poverty line was income only ("old criteria", 2011–2015): rates under it do not compare with multidimensional rates. Kiên Giang, for instance: 1.44 % in 2015 under the old criteria, 9.78 % under the multidimensional standard (letter 369/UBND-VHXH of 14 March 2017).',
      },
    ],
    sources: [
      'Quyết định 59/2015/QĐ-TTg, Điều 2, trích dẫn tại thuvienphapluat.vn (hỏi đáp "Tiêu chí xác định hộ nghèo tại các địa phương có giống nhau không")',
      'baocaotaichinh.vn (tóm tắt QĐ 59/2015/QĐ-TTg, ngày hiệu lực)',
      'Báo Vĩnh Long, hỏi đáp bạn đọc, 12/2017 (hộ cận nghèo)',
      'VietNamNet (EN), "PM issues multi-dimensional poverty index" (mức sống trung bình; 10 chỉ số)',
      'UNDP / Bộ LĐ-TB&XH, "Báo cáo nghèo đa chiều ở Việt Nam" (5 dịch vụ, 10 chỉ số, ngưỡng 3 chỉ số)',
      'laodongthudo.vn; baotintuc.vn; vietnamnet.vn (EN) (áp dụng đến hết năm 2021)',
    ],
  },
  {
    id: '2022-2025',
    title: {
      vi: 'Chuẩn nghèo đa chiều giai đoạn 2022–2025',
      en: 'Multidimensional poverty standard 2022–2025',
    },
    act: {
      vi: 'Nghị định 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ',
      en: 'Government Decree 07/2021/NĐ-CP of 27 January 2021',
    },
    period: {
      vi: 'Có hiệu lực từ 15/03/2021; năm 2021 vẫn dùng chuẩn 2016–2020, chuẩn mới áp dụng cho 2022–2025. Nghị định 30/2025/NĐ-CP đã sửa đổi Nghị định này; nội dung sửa đổi chưa được kiểm chứng nên không nêu ở đây.',
      en: 'In force from 15 March 2021; 2021 still used the 2016–2020 standard, and the new one applies to 2022–2025. Decree 30/2025/NĐ-CP amended it; the amendment has not been checked, so it is not described here.',
    },
    thresholds: [
      {
        area: { vi: 'Nông thôn', en: 'Rural' },
        poor: {
          vi: '≤ 1.500.000 và thiếu hụt từ 3 chỉ số trở lên',
          en: '≤ 1,500,000 and deprived in 3 or more indicators',
        },
        nearPoor: {
          vi: '≤ 1.500.000 và thiếu hụt dưới 3 chỉ số',
          en: '≤ 1,500,000 and deprived in fewer than 3 indicators',
        },
        middle: { vi: 'Trên 1.500.000 đến 2.250.000', en: 'Above 1,500,000 up to 2,250,000' },
      },
      {
        area: { vi: 'Thành thị', en: 'Urban' },
        poor: {
          vi: '≤ 2.000.000 và thiếu hụt từ 3 chỉ số trở lên',
          en: '≤ 2,000,000 and deprived in 3 or more indicators',
        },
        nearPoor: {
          vi: '≤ 2.000.000 và thiếu hụt dưới 3 chỉ số',
          en: '≤ 2,000,000 and deprived in fewer than 3 indicators',
        },
        middle: { vi: 'Trên 2.000.000 đến 3.000.000', en: 'Above 2,000,000 up to 3,000,000' },
      },
    ],
    dimensions: {
      vi: '6 dịch vụ xã hội cơ bản: việc làm, y tế, giáo dục, nhà ở, nước sinh hoạt và vệ sinh, thông tin — đo bằng 12 chỉ số:',
      en: '6 basic social services: employment, health, education, housing, water and sanitation, information — measured by 12 indicators:',
    },
    indicators: {
      vi: [
        'việc làm',
        'người phụ thuộc trong hộ gia đình',
        'dinh dưỡng',
        'bảo hiểm y tế',
        'trình độ giáo dục của người lớn',
        'tình trạng đi học của trẻ em',
        'chất lượng nhà ở',
        'diện tích nhà ở bình quân đầu người',
        'nguồn nước sinh hoạt',
        'nhà tiêu hợp vệ sinh',
        'sử dụng dịch vụ viễn thông',
        'phương tiện phục vụ tiếp cận thông tin',
      ],
      en: [
        'employment',
        'dependants in the household',
        'nutrition',
        'health insurance',
        'adult education attainment',
        "children's school attendance",
        'housing quality',
        'average floor area per person',
        'domestic water source',
        'hygienic latrine',
        'use of telecom services',
        'means of access to information',
      ],
    },
    rule: {
      vi: 'Hộ nghèo: thu nhập không quá chuẩn và thiếu hụt từ 3 trong 12 chỉ số trở lên. Hộ cận nghèo: thu nhập không quá chuẩn và thiếu hụt dưới 3 chỉ số. Chuẩn thu nhập tăng 800.000 (nông thôn) và 1.100.000 (thành thị) so với giai đoạn 2016–2020.',
      en: 'Poor household: income at or below the line and deprived in 3 or more of the 12 indicators. Near-poor household: income at or below the line and deprived in fewer than 3. The income lines rose by 800,000 (rural) and 1,100,000 (urban) over 2016–2020.',
    },
    caveats: [
      {
        vi: 'Ngưỡng thiếu hụt của từng chỉ số theo Nghị định 07/2021/NĐ-CP không được nêu: chưa có nguồn kiểm chứng được.',
        en: "Decree 07/2021/NĐ-CP's deprivation cut-off for each indicator is not given here: no source that could be checked was found.",
      },
      {
        vi: 'Tỷ lệ theo hai chuẩn không so sánh trực tiếp được: đầu năm 2022, theo chuẩn mới, cả nước có 5,2 % hộ nghèo, trong khi cuối năm 2021 theo chuẩn cũ là 2,23 % (QĐ 125/QĐ-LĐTBXH ngày 22/02/2022; Báo Dân sinh 03/01/2023).',
        en: 'Rates under the two standards do not compare directly: at the start of 2022 the new standard gave 5.2 % poor households nationally, against 2.23 % at the end of 2021 under the old one (QĐ 125/QĐ-LĐTBXH of 22 February 2022; Báo Dân sinh, 3 January 2023).',
      },
    ],
    sources: [
      'vnexpress.net, "Chính phủ ban hành chuẩn nghèo mới" (hiệu lực; mức sống trung bình; mức tăng)',
      'laodongthudo.vn, "Quy định chuẩn nghèo đa chiều giai đoạn 2021–2025" (hộ nghèo, hộ cận nghèo)',
      'nguonluc.com.vn, "Thu nhập dưới 2 triệu đồng/người/tháng ở thành phố được coi là hộ nghèo" (6 dịch vụ, 12 chỉ số)',
      'vietnamlawmagazine.vn, "New multidimensional poverty line for 2022–25 announced" (12 chỉ số, tiếng Anh)',
      'Báo cáo của UBND huyện Krông Pa số 209/BC-UBND ngày 15/6/2021 (rà soát theo Nghị định 07/2021/NĐ-CP ngày 27/01/2021)',
      'baothanhhoa.vn (Nghị định 30/2025/NĐ-CP sửa đổi; chỉ xem được tiêu đề)',
    ],
  },
];

/** How the atlas turns a document's figures into what the map shows. */
export const INDICATOR_PRINCIPLES: readonly Text[] = [
  {
    vi: 'Tỷ lệ hộ nghèo (%) = số hộ nghèo / tổng số hộ × 100, theo chuẩn nghèo của năm đó. Atlas giữ đúng tỷ lệ văn bản in (thường 2 chữ số thập phân) và, khi văn bản có cả số hộ, kiểm tra lại phép chia.',
    en: 'Poverty rate (%) = poor households / households × 100, under the standard of that year. The atlas keeps the rate as the document prints it (usually to 2 decimals) and, when the document gives the counts too, checks the division.',
  },
  {
    vi: 'Mức giảm tỷ lệ hộ nghèo tính bằng điểm phần trăm: tỷ lệ đầu năm − tỷ lệ cuối năm. Ví dụ Tuyên Quang năm 2020: 11,80 % → 9,74 %, giảm 2,06 điểm; các huyện nghèo giảm từ 4 điểm trở lên (Kế hoạch thực hiện Chương trình giảm nghèo năm 2020).',
    en: 'The reduction of the rate is in percentage points: rate at the start − rate at the end of the year. Tuyên Quang in 2020, for instance: 11.80 % → 9.74 %, down 2.06 points; the poor districts down 4 points or more (plan for the poverty programme in 2020).',
  },
  {
    vi: 'Kế hoạch (chỉ tiêu), kết quả rà soát và điều tra là những loại số liệu khác nhau: mỗi bộ dữ liệu ghi rõ loại của mình.',
    en: 'Plan targets, annual review results and survey figures are different kinds of figure: each dataset says which it holds.',
  },
  {
    vi: 'Cảnh báo kiểm tra: tỷ lệ lệch với số hộ / tổng số hộ quá mức làm tròn; hai tỷ lệ suy ra hai tổng số hộ khác nhau; đầu năm − mức giảm ≠ cuối năm; các thành phần không cộng bằng tổng; các huyện không cộng bằng toàn tỉnh. Số liệu vẫn được giữ nguyên, kèm cảnh báo.',
    en: 'Check warnings: a rate that differs from poor households / households by more than its rounding; two rates implying different household totals; start − reduction ≠ end; components that do not add up to their total; districts that do not add up to the province. The figures are kept as printed, with the warning.',
  },
];
