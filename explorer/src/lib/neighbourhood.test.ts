import { neighbourhoodOn, stepsFrom } from './neighbourhood';
import type { Validity } from './validity';

const always: Validity = {
  possibleFrom: null,
  certainFrom: '0001-01-01',
  certainUntil: null,
  possibleUntil: null,
  timeless: true,
};
const from2021: Validity = {
  possibleFrom: '2021-01-01',
  certainFrom: '2021-01-01',
  certainUntil: null,
  possibleUntil: null,
  timeless: false,
};
const node = (id: string, validity = always) => ({ id, validity });
const edge = (from: string, to: string, validity = always) => ({
  from,
  to,
  details: { validity },
});

describe('neighbourhoodOn', () => {
  const nodes = [node('c'), node('a'), node('b', from2021), node('d')];
  // c–a always; c–b from 2021; b–d always (d is reached only through b).
  const edges = [edge('c', 'a'), edge('b', 'c', from2021), edge('b', 'd')];

  it('shows everything without a day', () => {
    expect(neighbourhoodOn('c', nodes, edges, null, 'CERTAIN')).toEqual({
      nodes,
      edges,
      hiddenEdges: 0,
    });
  });

  it('keeps what holds on the day and is still reached from the centre', () => {
    expect(neighbourhoodOn('c', nodes, edges, '2020-06-01', 'CERTAIN')).toEqual({
      nodes: [node('c'), node('a')],
      edges: [edge('c', 'a')],
      hiddenEdges: 2,
    });
    expect(neighbourhoodOn('c', nodes, edges, '2021-06-01', 'CERTAIN')).toEqual({
      nodes,
      edges,
      hiddenEdges: 0,
    });
  });

  it('drops an edge valid on the day whose far node is not', () => {
    const later = [node('c'), node('x', from2021)];
    expect(neighbourhoodOn('c', later, [edge('c', 'x')], '2020-01-01', 'POSSIBLE')).toEqual({
      nodes: [node('c')],
      edges: [],
      hiddenEdges: 1,
    });
  });
});

describe('stepsFrom', () => {
  it('counts steps in either direction', () => {
    expect(
      Object.fromEntries(stepsFrom('c', [edge('a', 'c'), edge('a', 'b'), edge('x', 'y')])),
    ).toEqual({ c: 0, a: 1, b: 2 });
  });
});
