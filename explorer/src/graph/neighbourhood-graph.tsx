import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { NeighbourhoodResult, NodeRef } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';
import { entityLabel, TYPE_COLOURS } from '../components/entity-label';
import { typeLabel } from '../lib/i18n';
import { neighbourhoodOn, stepsFrom } from '../lib/neighbourhood';
import { entityUrl } from '../lib/route';
import { useRouter } from '../router';

interface Hit {
  id: string;
  node: NodeRef;
  x: number;
  y: number;
  size: number;
}

const LABEL_MAX = 28;

function short(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

/**
 * The entities around one (API `neighbourhood`) drawn with cytoscape.js: the centre in the
 * middle, neighbours in rings by steps. A click on a node opens its page. For the keyboard (and
 * screen readers) each node also has a button placed over it, reached with Tab; the buttons let
 * the pointer through to the canvas, so a click is cytoscape's own.
 */
export default function NeighbourhoodGraph({ centre, depth }: { centre: NodeRef; depth: 1 | 2 }) {
  const { route, navigate, href, t } = useRouter();
  const { view } = route;
  const result = useQuery<NeighbourhoodResult>(QUERIES.NEIGHBOURHOOD, { id: centre.key, depth });
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [hits, setHits] = useState<Hit[]>([]);

  const shown = useMemo(() => {
    if (!result.data) return null;
    const { nodes, edges } = result.data.neighbourhood;
    return neighbourhoodOn(centre.id, nodes, edges, view.asOf, view.mode);
  }, [result.data, centre.id, view.asOf, view.mode]);

  const open = (node: NodeRef) => navigate(entityUrl(node.__typename, node.key, view));
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    if (!shown || !container.current) return;
    const steps = stepsFrom(centre.id, shown.edges);
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...shown.nodes.map((n) => ({
          data: {
            id: n.id,
            label: short(entityLabel(n, view.lang)),
            colour: TYPE_COLOURS[n.__typename] ?? '#666',
            steps: steps.get(n.id) ?? 9,
          },
          classes: n.id === centre.id ? 'centre' : '',
        })),
        ...shown.edges.map((e, i) => ({
          data: { id: `e${i}`, source: e.from, target: e.to, label: e.phrase },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-size': 10,
            'font-family': 'system-ui, sans-serif',
            color: '#222',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            width: 18,
            height: 18,
          },
        },
        {
          selector: 'node.centre',
          style: {
            width: 30,
            height: 30,
            'border-width': 3,
            'border-color': '#111',
            'font-weight': 'bold',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#b5b5b5',
            'target-arrow-color': '#b5b5b5',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.7,
            'curve-style': 'bezier',
          },
        },
      ],
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => 10 - Number(node.data('steps')),
        levelWidth: () => 1,
        minNodeSpacing: 26,
        animate: false,
      },
      // The page scrolls with the wheel; the buttons below zoom.
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (event) => {
      const node = byId.get(event.target.id());
      if (node && node.id !== centre.id) openRef.current(node);
    });
    cy.on('mouseover', 'node', () => {
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      if (container.current) container.current.style.cursor = '';
    });
    const place = () =>
      setHits(
        cy.nodes().map((n) => {
          const { x, y } = n.renderedPosition();
          return {
            id: n.id(),
            node: byId.get(n.id())!,
            x,
            y,
            size: Math.max(n.renderedWidth(), 16),
          };
        }),
      );
    cy.on('viewport resize', place);
    place();
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [shown, centre.id, view.lang]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  };

  if (result.error) return <ErrorMessage error={result.error} />;
  if (!shown || !result.data) return <Loading />;
  const types = [...new Set(shown.nodes.map((n) => n.__typename))];
  const page = route.page;

  return (
    <div className="graph">
      <div className="graph-toolbar">
        <span className="muted">
          {t('graphNodes', { nodes: shown.nodes.length, edges: shown.edges.length })}
        </span>
        {page.page === 'entity' && (
          <label>
            {t('graphDepth')}{' '}
            <select
              value={depth}
              onChange={(e) =>
                navigate(href({ ...page, depth: e.target.value === '2' ? 2 : 1 }), {
                  replace: true,
                })
              }
            >
              <option value="1">1</option>
              <option value="2">2</option>
            </select>
          </label>
        )}
        <button type="button" onClick={() => zoom(1.25)} aria-label={t('graphZoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoom(0.8)} aria-label={t('graphZoomOut')}>
          −
        </button>
        <button
          type="button"
          onClick={() => cyRef.current?.fit(undefined, 20)}
          aria-label={t('graphFit')}
        >
          ⤢
        </button>
      </div>
      <p className="muted small">{t('graphHelp')}</p>
      {result.data.neighbourhood.truncated && <p className="notice">{t('graphTruncated')}</p>}
      {shown.hiddenEdges > 0 && (
        <p className="notice">{t('graphFiltered', { hidden: shown.hiddenEdges })}</p>
      )}
      <div className="graph-stage">
        <div ref={container} className="graph-canvas" />
        <div className="graph-hits">
          {hits.map((hit) => (
            <button
              key={hit.id}
              type="button"
              className="graph-hit"
              data-key={hit.node.key}
              style={{
                left: hit.x - hit.size / 2 - 3,
                top: hit.y - hit.size / 2 - 3,
                width: hit.size + 6,
                height: hit.size + 6,
              }}
              aria-label={`${typeLabel(view.lang, hit.node.__typename)}: ${entityLabel(hit.node, view.lang)}${hit.id === centre.id ? ` (${t('graphCentre')})` : ''}`}
              onClick={() => {
                if (hit.id !== centre.id) open(hit.node);
              }}
            />
          ))}
        </div>
      </div>
      <ul className="legend" aria-label={t('legend')}>
        {types.map((type) => (
          <li key={type}>
            <span className="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden />
            {typeLabel(view.lang, type)}
          </li>
        ))}
      </ul>
    </div>
  );
}
