import type { DataFrame, Field } from '@grafana/data';

export const fieldValues = (field: Field | undefined): unknown[] =>
  field ? Array.from((field.values ?? []) as ArrayLike<unknown>) : [];

export const findField = (frame: DataFrame, name: string): Field | undefined => {
  const lower = name.toLowerCase();
  return frame.fields.find((field) => field.name.toLowerCase() === lower);
};

/** Finite number or undefined: NaN, ±Infinity, null and non-numeric text are treated as missing. */
export function finiteNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function text(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const result = String(value).trim();
  return result === '' ? undefined : result;
}

/** Formats a value with the field's display processor when Grafana set one (units, decimals). */
export function displayText(field: Field, value: unknown): string | undefined {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
    return undefined;
  }
  if (field.display) {
    const shown = field.display(value);
    return `${shown.prefix ?? ''}${shown.text}${shown.suffix ?? ''}`;
  }
  return String(value);
}
