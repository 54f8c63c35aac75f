// What each figure the form asks for means (input-format.md, "What each figure means"), shown
// beside its field. The engine is to carry these definitions in its catalogue (`catalogue()`,
// `figures`); until it does, this table is the page's one copy, and `definition()` prefers the
// engine's whenever the catalogue has one, so the table can be deleted once it does.

import { catalogue } from './engine.js';

// { zh, en } per input field name.
const FIGURES = {
  sales_revenue: {
    zh: '该产品当年的销售收入，不含增值税，含出口；产品系列按申报所涵盖的全部型号合计。',
    en: 'Revenue from selling the product in the year, excluding VAT, exports included; for a product line, all the models the filing covers.',
  },
  export_revenue: {
    zh: '销售收入中来自出口的部分。没有出口请填 0：留空即视为缺少，G5 无法判断。',
    en: 'The part of sales revenue from exports. Write 0 when there is none: left empty it is missing, and G5 cannot be decided.',
  },
  profit: {
    zh: '该产品当年的利润总额（所得税前），不是净利润；可以为负。',
    en: 'The product’s total profit before income tax (利润总额) for the year, not the net profit; it may be negative.',
  },
  ip_investment: {
    zh: '当年为该产品知识产权所花的费用：申请、审查和年费，代理和检索费，为产品使用的专利支付的许可费，知识产权人员和服务，维权。不含研发投入本身。',
    en: 'The year’s spending on the product’s intellectual property: application, examination and annual fees, agency and search fees, licence fees paid for patents the product uses, IP staff and services, enforcement. Not the R&D spending itself.',
  },
  patent_attributable_revenue: {
    zh: '销售收入中可归于专利技术的部分：由申报主体估算并留存依据，例如实施关联专利的型号或部件的销售收入。',
    en: 'The part of sales revenue attributable to the patented technology: the filer’s declared, documented estimate, e.g. the revenue of the models or components that implement the linked patents.',
  },
  core_features: {
    zh: '使产品具有竞争力的核心功能或技术特征的项数，由申报主体自行列明。',
    en: 'How many core functions or technical features make the product competitive, as the filer declares them.',
  },
  covered_core_features: {
    zh: '上述核心功能中，至少有一件关联专利保护的项数。',
    en: 'How many of those core features at least one linked patent protects.',
  },
};

/** The engine's definitions, when its catalogue has them: field name -> { zh, en }. */
function engineFigures() {
  const list = catalogue()?.figures;
  if (!Array.isArray(list)) return null;
  const out = new Map();
  for (const f of list) {
    const name = f?.field ?? f?.name ?? f?.id;
    const text = f?.definition ?? f?.meaning ?? f?.help;
    if (typeof name === 'string' && text) out.set(name.replace(/^.*\./, ''), text);
  }
  return out;
}

let fromEngine;

/** What a figure means ({ zh, en }), the engine's words when it has them; null for other fields. */
export function definition(field) {
  if (fromEngine === undefined) fromEngine = engineFigures();
  return fromEngine?.get(field) ?? FIGURES[field] ?? null;
}
