import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import type { Segment } from '../lib/buckets';

// Twelve colours that stay apart (Tableau 10 and two more), for up to twelve stacked series.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1b3a5c',
  '#8cd17d',
];

/**
 * A bar chart drawn by Observable Plot (SVG). Bars are horizontal (`x`: values along x, one row
 * per group) or vertical (`y`); segments of one group with different series stack. Every
 * segment is a focusable button-like SVG rect with an accessible name: a click, Enter or Space
 * selects its bucket.
 */
export default function BarChart({
  segments,
  groups,
  series,
  orientation,
  valueLabel,
  selected,
  onSelect,
  title,
}: {
  segments: Segment[];
  groups: string[];
  series: string[];
  orientation: 'x' | 'y';
  valueLabel: string;
  selected: string | null;
  onSelect(bucket: string): void;
  title: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width === 0) return;
    const stacked = series.length > 0;
    const longest = Math.max(0, ...groups.map((g) => g.length));
    const horizontal = orientation === 'x';
    const colour = stacked ? 'series' : '#2b6cb0';
    const mark = horizontal
      ? Plot.barX(segments, {
          y: 'group',
          x: 'value',
          fill: colour,
          title: 'label',
          inset: 0.5,
        })
      : Plot.barY(segments, {
          x: 'group',
          y: 'value',
          fill: colour,
          title: 'label',
          inset: 0.5,
        });
    const chart = Plot.plot({
      width,
      height: horizontal ? Math.max(120, groups.length * 26 + 50) : 260,
      marginLeft: horizontal ? Math.min(260, 12 + longest * 6.2) : 40,
      marginBottom: horizontal ? 36 : 40,
      style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' },
      ariaLabel: title,
      [horizontal ? 'x' : 'y']: { label: valueLabel, grid: true, nice: true },
      [horizontal ? 'y' : 'x']: { label: null, domain: groups, tickFormat: (d: string) => d },
      color: stacked ? { legend: true, domain: series, range: PALETTE } : undefined,
      marks: [mark, horizontal ? Plot.ruleX([0]) : Plot.ruleY([0])],
    });
    element.replaceChildren(chart);
    // Plot binds each rect to the index of its datum in `segments`.
    const rects = element.querySelectorAll<SVGRectElement>('g[aria-label="bar"] rect');
    rects.forEach((rect) => {
      const segment = segments[(rect as unknown as { __data__: number }).__data__];
      if (!segment) return;
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('role', 'button');
      rect.setAttribute('aria-label', segment.label);
      rect.setAttribute('data-bucket', segment.bucket);
      rect.classList.add('bar');
      rect.addEventListener('click', () => onSelectRef.current(segment.bucket));
      rect.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelectRef.current(segment.bucket);
        }
      });
    });
  }, [segments, groups, series, orientation, valueLabel, width, title]);

  // Selecting marks the bars in place: redrawing would take the keyboard focus away.
  useEffect(() => {
    holder.current?.querySelectorAll<SVGRectElement>('rect.bar').forEach((rect) => {
      const on = rect.getAttribute('data-bucket') === selected;
      rect.classList.toggle('selected', on);
      rect.setAttribute('aria-pressed', String(on));
    });
  }, [selected, segments, width]);

  return <div ref={holder} className="bar-chart" />;
}
