import { graphOf } from '../graph/testGraphs';
import { computeHighlight, Role } from './highlight';
import { visibleNodes } from './visibleSubgraph';

describe('computeHighlight', () => {
  const graph = graphOf(
    [
      ['web', 'api'],
      ['api', 'db'],
      ['batch', 'other'],
    ],
    { api: 'degraded', db: 'down' }
  );
  const id = (name: string) => graph.indexById.get(name)!;

  it('leaves everything normal with no selection or search', () => {
    expect([...computeHighlight(graph, undefined, '').nodeRole].every((role) => role === Role.Normal)).toBe(true);
  });

  it('marks blast radius and root cause of the selection and dims the rest', () => {
    const { nodeRole, edgeRole, blast, cause } = computeHighlight(graph, id('api'), '');
    expect(nodeRole[id('api')]).toBe(Role.Selected);
    expect(nodeRole[id('web')]).toBe(Role.Affected);
    expect(nodeRole[id('db')]).toBe(Role.Cause);
    expect(nodeRole[id('batch')]).toBe(Role.Dimmed);
    expect(blast!.affected).toHaveLength(1);
    expect(cause!.causes).toEqual([id('db')]);
    expect([...edgeRole]).toEqual([Role.Affected, Role.CauseChain, Role.Dimmed]);
  });

  it('marks search matches', () => {
    const { matches, nodeRole } = computeHighlight(graph, undefined, 'BAT');
    expect(matches).toEqual([id('batch')]);
    expect(nodeRole[id('web')]).toBe(Role.Dimmed);
  });
});

describe('visibleNodes', () => {
  const graph = graphOf(
    [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ],
    { c: 'down' }
  );
  it('shows everything by default', () => {
    expect(
      visibleNodes(graph, { hideHealthy: false, limits: { dependencyHops: 1, dependentHops: 1 } })
    ).toBeUndefined();
  });
  it('hides healthy nodes but keeps the selection', () => {
    const visible = visibleNodes(graph, {
      hideHealthy: true,
      keep: 0,
      limits: { dependencyHops: 1, dependentHops: 1 },
    })!;
    expect([...visible]).toEqual([1, 0, 1, 0]);
  });
  it('focuses with hop limits', () => {
    const visible = visibleNodes(graph, {
      hideHealthy: false,
      focus: 1,
      limits: { dependencyHops: 1, dependentHops: 0 },
    })!;
    expect([...visible]).toEqual([0, 1, 1, 0]);
  });
});
