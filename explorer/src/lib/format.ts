import type { Lang } from './route';

/** The API's `EdtfDate`: the date as stated, and the first and last day it can mean. */
export interface EdtfDate {
  edtf: string;
  earliest: string | null;
  latest: string | null;
}

/** The API's `Funding`. */
export interface Funding {
  amount: number | null;
  currency: string | null;
  per: string | null;
  upTo: boolean;
  from?: string | null;
  purpose?: string | null;
}

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** An ISO day in the reader's notation (31.12.2020, 31/12/2020). */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-');
  if (!y || !m || !d) return day;
  return lang === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/**
 * An EDTF date as stated, with the days it spans when it is not a single day
 * ("2020-21 (01.03.2020 – 31.05.2020)").
 */
export function formatEdtf(date: EdtfDate, lang: Lang): string {
  const { edtf, earliest, latest } = date;
  if (earliest !== null && earliest === latest && earliest === edtf) return formatDay(edtf, lang);
  const from = earliest ? formatDay(earliest, lang) : '…';
  const to = latest ? formatDay(latest, lang) : '…';
  return `${edtf} (${from} – ${to})`;
}

const PERIODS: Record<Lang, Record<string, string>> = {
  de: { P1Y: 'pro Jahr', P1M: 'pro Monat' },
  en: { P1Y: 'per year', P1M: 'per month' },
};

/** An ISO 8601 period in words ("P1Y" → "per year"). */
export function periodLabel(per: string, lang: Lang): string {
  return PERIODS[lang][per] ?? per;
}

/** "bis zu 40.000 EUR pro Jahr" / "up to 40,000 EUR per year". */
export function formatFunding(funding: Funding, lang: Lang): string {
  const parts: string[] = [];
  if (funding.upTo) parts.push(lang === 'de' ? 'bis zu' : 'up to');
  if (funding.amount !== null) parts.push(formatNumber(funding.amount, lang));
  if (funding.currency) parts.push(funding.currency);
  if (funding.per) parts.push(periodLabel(funding.per, lang));
  return parts.join(' ');
}
