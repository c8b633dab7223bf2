/** Limits of the aggregates, apart from the decorated argument types so plain code can use them. */
export const DEFAULT_MEMBERS_PER_BUCKET = 20;
/** Member lists are for drill-down, not export: the full list is the root list with a filter. */
export const MAX_MEMBERS_PER_BUCKET = 1000;
export const MAX_DIMENSIONS = 2;
