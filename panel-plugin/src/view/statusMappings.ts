import { MappingType, type ValueMapping } from '@grafana/data';
import type { StatusMapper } from '../graph/health';

/**
 * Applies the panel's value mappings to a raw status (value, range and regex mappings), returning the
 * mapped text and colour. Lets users say "2 → degraded" or "ok → healthy" without code.
 */
export function createStatusMapper(
  mappings: ValueMapping[] | undefined,
  resolveColor: (name: string) => string
): StatusMapper | undefined {
  if (!mappings || mappings.length === 0) {
    return undefined;
  }
  return (raw) => {
    for (const mapping of mappings) {
      const result = matchMapping(mapping, raw);
      if (result) {
        return { text: result.text, color: result.color ? resolveColor(result.color) : undefined };
      }
    }
    return undefined;
  };
}

function matchMapping(mapping: ValueMapping, raw: string | number): { text?: string; color?: string } | undefined {
  switch (mapping.type) {
    case MappingType.ValueToText:
      return mapping.options[String(raw)];
    case MappingType.RangeToText: {
      const value = Number(raw);
      const { from, to, result } = mapping.options;
      const above = from === null || from === undefined || value >= from;
      const below = to === null || to === undefined || value <= to;
      return Number.isFinite(value) && above && below ? result : undefined;
    }
    case MappingType.RegexToText: {
      try {
        return new RegExp(mapping.options.pattern).test(String(raw)) ? mapping.options.result : undefined;
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}
