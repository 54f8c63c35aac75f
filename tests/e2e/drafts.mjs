// Generated drafts at enterprise scale (products × patents), for the page benchmark and the
// scale tests. Deterministic: the same sizes give the same document, so runs compare.
//
// Patents are CN applications with valid check characters (ISO 7064-like, weights 2..9,2..5,
// mod 11, 10 = X), of all three types, mostly valid; each product links a window of the list
// with statements, some core. Economics are in 万元 and vary so that some products qualify and
// some do not, as in a real portfolio.

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function checkChar(digits) {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** The i-th generated application number, canonical form (e.g. 201910000012.3). */
export function patentNumber(i) {
  const year = 2012 + (i % 12);
  const type = i % 10 < 6 ? '1' : i % 10 < 9 ? '2' : '3';
  const serial = String(100000 + i).padStart(7, '0');
  const digits = `${year}${type}${serial}`;
  return `${digits}.${checkChar(digits)}`;
}

const TYPES = { 1: 'invention', 2: 'utility_model', 3: 'design' };
const STATUSES = ['valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'pending', 'expired', 'lapsed', 'valid'];

export function generateDraft(productCount, patentCount) {
  const filer = { name: '福州示例智能装备集团有限公司', uscc: '914403001922038216', org_type: 'enterprise', independent_legal_person: true };
  const patents = [];
  for (let i = 0; i < patentCount; i += 1) {
    const number = patentNumber(i);
    const year = Number(number.slice(0, 4));
    const kind = TYPES[number[4]];
    const status = STATUSES[i % STATUSES.length];
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 27)).padStart(2, '0');
    const patent = {
      number: i % 7 === 0 ? `ZL ${number.slice(0, 4)} ${number.slice(4, 5)} ${number.slice(5)}` : i % 7 === 1 ? `CN${number}` : number,
      type: kind,
      title: `${['一种', '轨道', '监测', '传感', '控制'][i % 5]}${['装置', '方法', '系统', '结构', '外壳'][Math.floor(i / 5) % 5]}（第 ${i + 1} 号）`,
      filing_date: `${year}-${month}-${day}`,
      legal_status: status,
      owners: [{ name: filer.name, uscc: filer.uscc }],
    };
    if (status !== 'pending') patent.grant_date = `${year + (kind === 'invention' ? 2 : 1)}-${month}-${day}`;
    if (i % 11 === 0) patent.foreign_family_granted = true;
    patents.push(patent);
  }
  const per = Math.max(1, Math.min(25, Math.floor(patentCount / Math.max(1, productCount)) || 1));
  const products = [];
  for (let p = 0; p < productCount; p += 1) {
    const links = [];
    const start = (p * per) % Math.max(1, patentCount);
    for (let k = 0; k < per && k < patentCount; k += 1) {
      const i = (start + k) % patentCount;
      links.push({ number: patentNumber(i), statement: `产品 ${p + 1} 的部件实施该专利`, ...(k < 2 ? { core: true } : {}) });
    }
    const sales = 1500 + ((p * 137) % 4000);
    products.push({
      id: `P${p + 1}`,
      name: `示例产品 ${p + 1}`,
      category: 'C3720',
      status: p % 17 === 16 ? 'withdrawn' : 'on_market',
      filer_role: 'manufacturer_and_seller',
      patents: links,
      economics: [
        { year: 2023, unit: 'wan', sales_revenue: String(sales - 200) },
        {
          year: 2024,
          unit: 'wan',
          currency: 'CNY',
          sales_revenue: String(sales),
          export_revenue: String((p * 13) % 300),
          profit: String(((p * 31) % 500) - 60),
          ip_investment: String(20 + ((p * 7) % 90)),
          patent_attributable_revenue: String(Math.floor(sales * (0.2 + ((p * 3) % 6) / 10))),
        },
      ],
      core_features: 5,
      covered_core_features: 1 + (p % 5),
    });
  }
  return { format: 'patent-intensive/assessment-input@1', round_year: 2025, reference_date: '2025-09-30', pack: null, filer, patents, products };
}
