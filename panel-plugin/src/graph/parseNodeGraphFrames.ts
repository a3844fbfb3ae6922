import type { DataFrame } from '@grafana/data';
import { displayText, fieldValues, finiteNumber, findField, text } from './frameValues';
import { healthFromText, resolveHealth, type NumericHealthThresholds, type StatusMapper } from './health';
import type { DependencyEdge, DetailField, ParseIssue, ServiceNode } from './types';

export interface NodeGraphParseOptions {
  thresholds: NumericHealthThresholds;
  externalNames: Set<string>;
  groupByLabel: string;
  mapStatus?: StatusMapper;
}

const isEdgesFrame = (frame: DataFrame) =>
  frame.name?.toLowerCase() === 'edges' ||
  (!!findField(frame, 'source') && !!findField(frame, 'target') && frame.name?.toLowerCase() !== 'nodes');

const isNodesFrame = (frame: DataFrame) =>
  frame.name?.toLowerCase() === 'nodes' || (!!findField(frame, 'id') && !isEdgesFrame(frame));

/** Node Graph frames are recognised by name (`nodes`/`edges`) or by their id/source/target fields. */
export function looksLikeNodeGraph(frames: DataFrame[]): boolean {
  return (
    frames.some((frame) => isEdgesFrame(frame) && !!findField(frame, 'source')) ||
    frames.some(
      (frame) => frame.name?.toLowerCase() === 'nodes' || frame.meta?.preferredVisualisationType === 'nodeGraph'
    )
  );
}

const STATUS_FIELDS = ['status', 'health', 'detail__status', 'detail__health'];

export function parseNodeGraphFrames(
  frames: DataFrame[],
  options: NodeGraphParseOptions
): { nodes: ServiceNode[]; edges: DependencyEdge[]; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const nodes: ServiceNode[] = [];
  const edges: DependencyEdge[] = [];
  const edgeFrames = frames.filter(isEdgesFrame);
  const nodeFrames = frames.filter((frame) => !edgeFrames.includes(frame) && isNodesFrame(frame));

  for (const frame of nodeFrames) {
    const idField = findField(frame, 'id');
    if (!idField) {
      issues.push({ reason: 'missing-field', message: `Nodes frame "${frame.name ?? frame.refId}" has no id field` });
      continue;
    }
    if (frame.length === 0) {
      issues.push({ reason: 'empty-frame', message: `Nodes frame "${frame.name ?? frame.refId}" is empty` });
    }
    const ids = fieldValues(idField);
    const statusField = STATUS_FIELDS.map((name) => findField(frame, name)).find(Boolean);
    const arcFields = frame.fields.filter((field) => field.name.startsWith('arc__'));
    const groupField = options.groupByLabel
      ? (findField(frame, options.groupByLabel) ?? findField(frame, `detail__${options.groupByLabel}`))
      : undefined;
    for (let row = 0; row < ids.length; row++) {
      const id = text(ids[row]);
      if (!id) {
        issues.push({ reason: 'missing-field', message: `Node in row ${row + 1} has no id` });
        continue;
      }
      const value = (name: string) => {
        const field = findField(frame, name);
        return field ? fieldValues(field)[row] : undefined;
      };
      let { health, color } = statusField
        ? resolveHealth(fieldValues(statusField)[row], options.thresholds, options.mapStatus)
        : { health: 'unknown' as const, color: undefined };
      if (health === 'unknown' && arcFields.length > 0) {
        // Arcs named after health states (arc__healthy, arc__down…): the biggest share wins.
        let best = 0;
        for (const arc of arcFields) {
          const share = finiteNumber(fieldValues(arc)[row]) ?? 0;
          const arcHealth = healthFromText(arc.name.slice('arc__'.length));
          if (arcHealth && share > best) {
            best = share;
            health = arcHealth;
          }
        }
      }
      const details: DetailField[] = frame.fields
        .filter((field) => field.name.startsWith('detail__') || field.name.startsWith('arc__'))
        .map((field) => ({
          name: field.config?.displayName ?? field.name.replace(/^(detail|arc)__/, ''),
          value: displayText(field, fieldValues(field)[row]) ?? '–',
        }));
      const mainField = findField(frame, 'mainstat');
      const secondaryField = findField(frame, 'secondarystat');
      const kind = text(value('kind') ?? value('detail__kind'));
      nodes.push({
        id,
        title: text(value('title')) ?? id,
        subtitle: text(value('subtitle')),
        health,
        isExternal: options.externalNames.has(id) || kind === 'external',
        group: groupField ? text(fieldValues(groupField)[row]) : undefined,
        mainStat: mainField ? displayText(mainField, fieldValues(mainField)[row]) : undefined,
        secondaryStat: secondaryField ? displayText(secondaryField, fieldValues(secondaryField)[row]) : undefined,
        color: text(value('color')) ?? color,
        details,
      });
    }
  }

  for (const frame of edgeFrames) {
    const sourceField = findField(frame, 'source');
    const targetField = findField(frame, 'target');
    if (!sourceField || !targetField) {
      issues.push({
        reason: 'missing-field',
        message: `Edges frame "${frame.name ?? frame.refId}" needs source and target fields`,
      });
      continue;
    }
    const sources = fieldValues(sourceField);
    const targets = fieldValues(targetField);
    const idValues = fieldValues(findField(frame, 'id'));
    const mainField = findField(frame, 'mainstat');
    const secondaryField = findField(frame, 'secondarystat');
    const thicknessValues = fieldValues(findField(frame, 'thickness'));
    const colorValues = fieldValues(findField(frame, 'color'));
    const errorField = findField(frame, 'error_ratio') ?? findField(frame, 'detail__error_ratio');
    const trafficField = findField(frame, 'traffic') ?? findField(frame, 'detail__traffic');
    for (let row = 0; row < sources.length; row++) {
      const source = text(sources[row]);
      const target = text(targets[row]);
      if (!source || !target) {
        issues.push({ reason: 'missing-field', message: `Edge in row ${row + 1} has no source or target` });
        continue;
      }
      const mainValue = mainField ? fieldValues(mainField)[row] : undefined;
      edges.push({
        id: text(idValues[row]) ?? `${source}→${target}`,
        source,
        target,
        mainStat: mainField ? displayText(mainField, mainValue) : undefined,
        secondaryStat: secondaryField ? displayText(secondaryField, fieldValues(secondaryField)[row]) : undefined,
        traffic: finiteNumber(trafficField ? fieldValues(trafficField)[row] : mainValue),
        errorRatio: errorField ? finiteNumber(fieldValues(errorField)[row]) : undefined,
        thickness: finiteNumber(thicknessValues[row]),
        color: text(colorValues[row]),
        details: frame.fields
          .filter((field) => field.name.startsWith('detail__'))
          .map((field) => ({
            name: field.config?.displayName ?? field.name.slice('detail__'.length),
            value: displayText(field, fieldValues(field)[row]) ?? '–',
          })),
      });
    }
  }
  if (nodeFrames.length === 0 && edgeFrames.length > 0) {
    // Node Graph allows edges-only data; derive nodes from the edge ends.
    const seen = new Set<string>();
    for (const edge of edges) {
      for (const id of [edge.source, edge.target]) {
        if (!seen.has(id)) {
          seen.add(id);
          nodes.push({ id, title: id, health: 'unknown', isExternal: options.externalNames.has(id), details: [] });
        }
      }
    }
  }
  return { nodes, edges, issues };
}
