/** The entity model the Vite build reads from schema/schema.graphql (explorer/vite.config.ts). */
declare module 'virtual:entity-model' {
  const model: import('./lib/entity-model.types').EntityModel;
  export default model;
}
