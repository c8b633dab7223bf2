import model from 'virtual:entity-model';
import { queriesFor } from './queries';

/** What entity pages show, read from the schema when the explorer was built. */
export const MODEL = model;
export const QUERIES = queriesFor(model);
