/**
 * The dataset the reference data makes up (the seeds are dataset "seed"). Its own module, so the
 * seed import can name it without loading the reference importer.
 */
export const REFERENCE_DATASET = 'reference';
