import type { CsvValue } from '../../../src/modules/export/csv';
import type { Comparison, Evidence, NodeRef } from '../api/types';

type Lang = 'de' | 'en';

function nameOf(node: NodeRef, lang: Lang): string {
  return node.name ?? node.title ?? (lang === 'de' ? node.labelDe : node.labelEn) ?? node.key;
}

function names(evidence: Evidence[], lang: Lang): string {
  return evidence.map((e) => nameOf(e.node, lang)).join('\n');
}

export const MATRIX_HEADER = [
  'theme',
  'theme_label',
  'city',
  'city_name',
  'ags',
  'addressed',
  'evidence_count',
  'units',
  'programmes',
  'posts',
  'events',
  'unit_names',
  'programme_names',
  'post_holders',
  'event_names',
];

/**
 * The matrix as the page shows it, one row per theme × city in row and column order: whether the
 * city addresses the theme, the evidence counts, and the evidence by name (one per line, as the
 * API's comparison export writes lists).
 */
export function matrixRows(comparison: Comparison, lang: Lang): CsvValue[][] {
  const themes = new Map(comparison.themes.map((t) => [t.key, t]));
  const cities = new Map(comparison.cities.map((c) => [c.key, c]));
  return comparison.rows.flatMap((row) => {
    const theme = themes.get(row.theme.key)!;
    return row.cells.map((cell) => {
      const city = cities.get(cell.city.key)!;
      return [
        theme.key,
        lang === 'de' ? theme.labelDe : theme.labelEn,
        city.key,
        city.name,
        city.ags,
        cell.addressed,
        cell.evidenceCount,
        cell.units.length,
        cell.programmes.length,
        cell.posts.length,
        cell.events.length,
        names(cell.units, lang),
        names(cell.programmes, lang),
        names(cell.posts, lang),
        names(cell.events, lang),
      ];
    });
  });
}

export const RANKING_HEADER = [
  'position',
  'shared_rank',
  'city',
  'city_name',
  'ags',
  'themes_covered',
  'evidence_count',
  'decided_by',
  'explanation',
];

export function rankingRows(comparison: Comparison): CsvValue[][] {
  return comparison.ranking.map((r) => [
    r.position,
    r.sharedRank,
    r.city.key,
    r.city.name,
    r.city.ags,
    r.themesCovered,
    r.evidenceCount,
    r.decidedBy,
    r.explanation,
  ]);
}
