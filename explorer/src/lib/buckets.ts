import type { BucketKey } from '../api/types';

/** A bucket's id in URLs and tables: its keys joined, "-" for a "none stated" key. */
export function bucketId(keys: BucketKey[]): string {
  return keys.map((k) => k.key ?? '-').join('~');
}

/** One drawn segment of a bar: which bucket it shows, where, and how much. */
export interface Segment {
  bucket: string;
  /** The category axis value (the bar). */
  group: string;
  /** The colour (stacked segments of one bar); null for plain bars. */
  series: string | null;
  value: number;
  /** What the segment is, in words, for its accessible name and tooltip. */
  label: string;
}
