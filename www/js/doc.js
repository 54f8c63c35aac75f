// The page's state is the input document itself (input-format.md), holding what the user typed.
// Saving a draft is therefore just writing it out, and the engine's findings point (by JSON
// pointer) straight at the value that caused them.

export const INPUT_FORMAT = 'patent-intensive/assessment-input@1';

/** Splits a JSON pointer into its reference tokens (RFC 6901). */
export function tokens(pointer) {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function join(...parts) {
  return parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function get(doc, pointer) {
  let node = doc;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[token];
  }
  return node;
}

/** Sets a value; `undefined` removes the member, so an emptied optional field is absent. */
export function set(doc, pointer, value) {
  const path = tokens(pointer);
  const last = path.pop();
  let node = doc;
  for (const [i, token] of path.entries()) {
    if (node[token] === null || typeof node[token] !== 'object') {
      node[token] = /^\d+$/.test(path[i + 1] ?? last) ? [] : {};
    }
    node = node[token];
  }
  if (value === undefined) {
    if (Array.isArray(node)) node[Number(last)] = undefined;
    else delete node[last];
  } else {
    node[last] = value;
  }
}

/** The element id of the control for a JSON pointer: ids must not contain '/'. */
export function fieldId(pointer) {
  return 'f' + pointer.replace(/[^A-Za-z0-9_~]/g, '-');
}

export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The reference date a round takes when the user has not set one by hand: today in this year's
 * round; in another round, today's day and month in that round's year (29 February becomes
 * 1 March in a common year, the anniversary rule of rules.md §3.1), so it stays after the end of
 * the round's data year as today's date is after the end of this round's.
 */
export function referenceFor(roundYear) {
  const now = today();
  if (!Number.isInteger(roundYear) || roundYear === Number(now.slice(0, 4))) return now;
  let monthDay = now.slice(5);
  const leap = (roundYear % 4 === 0 && roundYear % 100 !== 0) || roundYear % 400 === 0;
  if (monthDay === '02-29' && !leap) monthDay = '03-01';
  return `${String(roundYear).padStart(4, '0')}-${monthDay}`;
}

/** A blank document for the current round: round year Y is this year, data year Y − 1. */
export function blankDocument() {
  const now = today();
  const year = Number(now.slice(0, 4));
  return {
    format: INPUT_FORMAT,
    round_year: year,
    reference_date: now,
    pack: null,
    filer: { name: '', org_type: 'enterprise', independent_legal_person: true },
    patents: [],
    products: [blankProduct([], year)],
  };
}

export function blankPatent(filer) {
  const owner = { name: filer?.name ?? '' };
  if (filer?.uscc) owner.uscc = filer.uscc;
  return { number: '', legal_status: 'valid', owners: [owner] };
}

export function blankProduct(products, roundYear) {
  const ids = new Set(products.map((p) => p?.id));
  let n = products.length + 1;
  while (ids.has(`P${n}`)) n += 1;
  return {
    id: `P${n}`,
    name: '',
    status: 'on_market',
    filer_role: 'manufacturer_and_seller',
    patents: [],
    economics: [blankEconomics(roundYear)],
  };
}

// Enterprises keep last year's figures in 万元, so a new row starts there; the unit is always
// written out so the saved draft is unambiguous.
export function blankEconomics(roundYear) {
  const year = Number.isInteger(roundYear) ? roundYear - 1 : undefined;
  const row = { unit: 'wan', currency: 'CNY', sales_revenue: '' };
  if (year !== undefined) return { year, ...row };
  return row;
}

/** Removes the empty strings left by cleared fields so "required" findings read naturally. */
export function forEngine(doc) {
  return JSON.parse(JSON.stringify(doc, (key, value) => (value === '' ? undefined : value)));
}

/** Text typed in a whole-number field: a number when it is one, else the text for the engine to reject. */
export function parseCount(text) {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  return t;
}

/**
 * Money as typed: NFKC (full-width digits and commas become ASCII) and spaces dropped; commas
 * only where they group thousands ("3,200.5"), so "3,5" is left for the engine to reject
 * rather than silently read as 35. Kept as text so it is read exactly. A unit written after the
 * number ("3200万", "3200 万元", "1.5亿") is read when it is the field's own unit (`unit`: yuan,
 * wan, yi): the number is then unambiguous.
 */
export function parseMoney(text, unit) {
  return readMoney(text, unit).value;
}

const UNIT_WORDS = { 元: 'yuan', 万: 'wan', 万元: 'wan', 亿: 'yi', 亿元: 'yi' };
const UNIT_SHIFT = { yuan: 0, wan: 4, yi: 8 };

/**
 * Money as typed, read: `{ value, wrongUnit }`. `wrongUnit` is set when the text names a unit
 * other than the field's ("3200万" where amounts are in 元): the text is then left as it is, for
 * the engine to reject, and `wrongUnit` = { written, unit, inUnit } says what to enter instead
 * (`inUnit`: the same amount in the field's unit, exactly).
 */
export function readMoney(text, unit = 'yuan') {
  let t = String(text ?? '').normalize('NFKC').replace(/\s/g, '');
  let written = null;
  const m = unit === null ? null : /^(.*?)(万元|亿元|万|亿|元)$/.exec(t);
  if (m && /\d/.test(m[1])) {
    written = UNIT_WORDS[m[2]];
    t = m[1];
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (t === '') return { value: undefined, wrongUnit: null };
  const own = unit && UNIT_SHIFT[unit] !== undefined ? unit : 'yuan';
  if (written && written !== own) {
    const inUnit = /^-?\d+(\.\d+)?$/.test(t) ? shiftDecimal(t, UNIT_SHIFT[written] - UNIT_SHIFT[own]) : null;
    return { value: String(text ?? '').normalize('NFKC').replace(/\s/g, ''), wrongUnit: { written, unit: own, inUnit } };
  }
  return { value: t, wrongUnit: null };
}

/** A decimal string times 10^places (places may be negative), exactly, without floating point. */
export function shiftDecimal(text, places) {
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const rest = digits.slice(point).replace(/0+$/, '');
  const out = rest ? `${whole}.${rest}` : whole;
  return negative && out !== '0' ? `-${out}` : out;
}
