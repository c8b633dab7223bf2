/**
 * Type definitions for @neo4j/graphql 7 (the peer of the API bench) over the graph exactly as the
 * importer writes it (src/model/model.ts): every node carries `Entity` and its own label, its key
 * is the property `id`, and nodes and relationships cite their sources in the parallel lists
 * `sourceIds` (document keys) and `quotes`. They cover the labels and relationships the bench's
 * questions touch, with the API's field names where the peer lets them be the same:
 *
 * - `key` is the property `id` (`@alias`); `@relayId` gives each type the peer's `node(id:)`
 *   with its own global ids (base64 of `City:key:<key>`, where the API's are `City:<key>`).
 * - `sources` (citations with their documents) is a `@cypher` field on nodes and on relationship
 *   properties: the peer cannot join a list property to the nodes it names.
 * - The theme roll-up is `@cypher` too: `Theme.within` lists the theme and every broader one
 *   (`BROADER*0..`), so `themes: { some: { within: { includes: "ageing" } } }` is the API's
 *   `within: "ageing"`; `Theme.unitCount(kind:)` counts the units of a kind that address the
 *   theme or a narrower one, one path query per theme.
 * - Read only: no mutations are generated.
 */

/** A citation: the quote and the document it is from, in the order the element lists them. */
const citations = (v = 'this') => `@cypher(
    statement: """
    UNWIND range(0, size(coalesce(${v}.sourceIds, [])) - 1) AS i
    MATCH (d:Entity {id: ${v}.sourceIds[i]})
    RETURN {quote: coalesce(${v}.quotes[i], ''),
            document: {key: d.id, title: d.title, publisher: d.publisher, url: d.url}} AS citation
    ORDER BY i
    """
    columnName: "citation"
  )`;

const SOURCES = `"Where the element comes from: verbatim quotes and their documents."
  sources: [Citation!]! ${citations()}`;

/** Fields every entity type has: its key and citations. */
const ENTITY = `key: ID! @relayId @alias(property: "id")
  ${SOURCES}`;

export const PEER_TYPE_DEFS = /* GraphQL */ `
extend schema @mutation(operations: [])

"A source document as a citation names it."
type CitedDocument {
  key: String!
  title: String
  publisher: String
  url: String
}

"A verbatim quote and the document it is from."
type Citation {
  quote: String!
  document: CitedDocument!
}

"Relationships that carry only their citations."
type Cited @relationshipProperties {
  ${SOURCES}
}

type Participation @relationshipProperties {
  role: String!
  roleTitle: String
  period: String
  status: String
  fundingAmount: Float
  fundingCurrency: String
  fundingPer: String
  fundingUpTo: Boolean
  fundingFrom: String
  fundingPurpose: String
  ${SOURCES}
}

type Funding @relationshipProperties {
  period: String
  fundingAmount: Float
  fundingCurrency: String
  fundingPer: String
  fundingUpTo: Boolean
  fundingFrom: String
  fundingPurpose: String
  ${SOURCES}
}

type Post @relationshipProperties {
  roleTitle: String!
  role: String!
  since: String
  until: String
  attested: String
  ${SOURCES}
}

type SourceDocument @node(labels: ["SourceDocument", "Entity"]) {
  ${ENTITY}
  title: String!
  kind: String!
  publisher: String
  author: String
  published: String
  url: String
  language: String!
}

type State @node(labels: ["State", "Entity"]) {
  ${ENTITY}
  name: String!
  ags: String
  kind: String
  counties: [County!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Cited")
  cities: [City!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Cited")
}

type County @node(labels: ["County", "Entity"]) {
  ${ENTITY}
  name: String!
  ags: String
  kind: String
  state: State @relationship(type: "LOCATED_IN", direction: OUT, properties: "Cited")
  cities: [City!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Cited")
}

type City @node(labels: ["City", "Entity"]) {
  ${ENTITY}
  name: String!
  ags: String
  kind: String
  altNames: [String!]
  state: State @relationship(type: "LOCATED_IN", direction: OUT, properties: "Cited")
  county: County @relationship(type: "LOCATED_IN", direction: OUT, properties: "Cited")
  orgUnits: [OrgUnit!]! @relationship(type: "BELONGS_TO", direction: IN, properties: "Cited")
  "The programmes the city takes part in; the participation is the edge."
  programmes: [Programme!]!
    @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  posts: [Person!]! @relationship(type: "HOLDS_POST", direction: IN, properties: "Post")
}

type OrgUnit @node(labels: ["OrgUnit", "Entity"]) {
  ${ENTITY}
  name: String!
  altNames: [String!]
  kind: String!
  germanKind: String
  description: String
  decided: String
  established: String
  dissolved: String
  status: String
  count: Int
  "Earliest and latest day the stated dates allow (absent: unbounded), as the importer stores them."
  validPossibleFrom: Date
  validPossibleTo: Date
  city: City @relationship(type: "BELONGS_TO", direction: OUT, properties: "Cited")
  themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Cited")
  "People holding a post in the unit; the post is the edge."
  posts: [Person!]! @relationship(type: "HOLDS_POST", direction: IN, properties: "Post")
}

type Person @node(labels: ["Person", "Entity"]) {
  ${ENTITY}
  name: String!
  givenName: String
  familyName: String
  profession: String
  "Units in which the person holds a post."
  posts: [OrgUnit!]! @relationship(type: "HOLDS_POST", direction: OUT, properties: "Post")
}

type Organisation @node(labels: ["Organisation", "Entity"]) {
  ${ENTITY}
  name: String!
  shortName: String
  kind: String!
  legalForm: String
  description: String
  funds: [Programme!]! @relationship(type: "FUNDS", direction: OUT, properties: "Funding")
  themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Cited")
}

type Programme @node(labels: ["Programme", "Entity"]) {
  ${ENTITY}
  name: String!
  shortName: String
  level: String!
  kind: String!
  germanKind: String
  description: String
  period: String
  status: String
  participantCount: Int
  "The cities taking part; the participation is the edge."
  participants: [City!]!
    @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  funders: [Organisation!]! @relationship(type: "FUNDS", direction: IN, properties: "Funding")
  themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Cited")
}

type Theme @node(labels: ["Theme", "Entity"]) {
  ${ENTITY}
  labelDe: String!
  labelEn: String!
  altLabels: [String!]
  definition: String
  topConcept: Boolean
  broader: [Theme!]! @relationship(type: "BROADER", direction: OUT)
  narrower: [Theme!]! @relationship(type: "BROADER", direction: IN)
  orgUnits: [OrgUnit!]! @relationship(type: "ADDRESSES", direction: IN, properties: "Cited")
  "The theme's key and the keys of every broader theme: filter with within: { includes: key }."
  within: [String!]!
    @cypher(
      statement: "MATCH (this)-[:BROADER*0..]->(t:Theme) RETURN t.id AS key"
      columnName: "key"
    )
  "Units of this kind that address the theme or a narrower one (the taxonomy roll-up)."
  unitCount(kind: String!): Int!
    @cypher(
      statement: """
      MATCH (this)<-[:BROADER*0..]-(:Theme)<-[:ADDRESSES]-(u:OrgUnit)
      WHERE u.kind = $kind
      RETURN count(DISTINCT u) AS count
      """
      columnName: "count"
    )
}

"""
Any entity, for full-text search on the API's index entity_text (German analyzer). The peer's
@fulltext takes only String fields, so it names the seven string fields of the index; the query
runs on the index as it is, over all ten (altNames, altLabels and quotes too), like the API's.
"""
type Entity
  @node(labels: ["Entity"])
  @fulltext(
    indexes: [
      {
        indexName: "entity_text"
        queryName: "searchEntities"
        fields: ["name", "shortName", "title", "labelDe", "labelEn", "description", "germanKind"]
      }
    ]
  ) {
  key: ID! @alias(property: "id")
  name: String
  shortName: String
  title: String
  labelDe: String
  labelEn: String
  description: String
  germanKind: String
}
`;
