// Constraints and indexes, applied by `npm run seed` before it writes. Every statement is
// idempotent (IF NOT EXISTS). Statements are separated by semicolons at the end of a line.

// Every node carries the label Entity and a unique, stable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Official keys of territorial bodies.
CREATE CONSTRAINT city_ags IF NOT EXISTS FOR (n:City) REQUIRE n.ags IS UNIQUE;
CREATE CONSTRAINT county_ags IF NOT EXISTS FOR (n:County) REQUIRE n.ags IS UNIQUE;
CREATE CONSTRAINT state_ags IF NOT EXISTS FOR (n:State) REQUIRE n.ags IS UNIQUE;

// Relationship ids, unique per type, so a re-import updates rather than duplicates.
CREATE CONSTRAINT rel_located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_belongs_to_id IF NOT EXISTS FOR ()-[r:BELONGS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_reports_to_id IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_holds_post_id IF NOT EXISTS FOR ()-[r:HOLDS_POST]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_affiliated_with_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_contributed_to_id IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_decided_id IF NOT EXISTS FOR ()-[r:DECIDED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_runs_id IF NOT EXISTS FOR ()-[r:RUNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_coordinates_id IF NOT EXISTS FOR ()-[r:COORDINATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_implements_id IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_contributes_to_id IF NOT EXISTS FOR ()-[r:CONTRIBUTES_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_targets_id IF NOT EXISTS FOR ()-[r:TARGETS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_cooperates_with_id IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_operates_id IF NOT EXISTS FOR ()-[r:OPERATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_addresses_id IF NOT EXISTS FOR ()-[r:ADDRESSES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_broader_id IF NOT EXISTS FOR ()-[r:BROADER]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_held_at_id IF NOT EXISTS FOR ()-[r:HELD_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_spoke_at_id IF NOT EXISTS FOR ()-[r:SPOKE_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_signed_id IF NOT EXISTS FOR ()-[r:SIGNED]-() REQUIRE r.id IS UNIQUE;

// One metadata node per imported dataset (digest of its seed files, time of import).
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;

// API keys for writes: not part of the graph (no Entity label), looked up by their id.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;

// Which import owns a node: re-imports replace only their own dataset.
CREATE INDEX entity_dataset IF NOT EXISTS FOR (n:Entity) ON (n.dataset);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Date bounds for time filters (derived from the EDTF strings).
CREATE INDEX orgunit_established IF NOT EXISTS FOR (n:OrgUnit) ON (n.establishedEarliest);
CREATE INDEX programme_period IF NOT EXISTS FOR (n:Programme) ON (n.periodEarliest);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateEarliest);

// Full-text search with the German analyzer (stemming, stop words, umlaut folding) over names,
// descriptions, labels and the quotes that back each fact.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.name, n.altNames, n.shortName, n.title, n.labelDe, n.labelEn, n.altLabels, n.description, n.germanKind, n.quotes]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'german' } };

CREATE FULLTEXT INDEX relation_text IF NOT EXISTS
FOR ()-[r:HOLDS_POST|AFFILIATED_WITH|CONTRIBUTED_TO|DECIDED|PARTICIPATES_IN|FUNDS|RUNS|COORDINATES|IMPLEMENTS|CONTRIBUTES_TO|TARGETS|COOPERATES_WITH|OPERATES|ADDRESSES|BROADER|LOCATED_IN|BELONGS_TO|PART_OF|REPORTS_TO|HELD_AT|SPOKE_AT|SIGNED]-()
ON EACH [r.roleTitle, r.description, r.decision, r.topic, r.note, r.fundingPurpose, r.quotes]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'german' } };

// Curation (issue 13): the change log, proposals and the texts of documents that came in through
// the API. None of them is an Entity, and none is linked to the graph by a relationship, so no
// read of the graph sees them.
CREATE CONSTRAINT curation_log_name IF NOT EXISTS FOR (l:CurationLog) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT source_text_document IF NOT EXISTS FOR (t:SourceText) REQUIRE t.document IS UNIQUE;
CREATE INDEX change_key IF NOT EXISTS FOR (c:Change) ON (c.key);
CREATE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq);
CREATE INDEX change_author IF NOT EXISTS FOR (c:Change) ON (c.authorId);
CREATE INDEX proposal_status IF NOT EXISTS FOR (p:Proposal) ON (p.status);

// The seed importer's staging area: new nodes are written under SeedStaged (never Entity) and
// found by id while their relationships are staged; see README "Importing at scale".
CREATE INDEX seed_staged_id IF NOT EXISTS FOR (n:SeedStaged) ON (n.id);
