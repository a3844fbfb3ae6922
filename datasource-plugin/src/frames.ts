// The API's per-refId results → Grafana data frames and panel errors, pure (no fetch, no Grafana runtime).
import { type DataFrame, type DataQueryError, type DataQueryResponse, FieldType, LoadingState, toDataFrame } from '@grafana/data';
import { type FrameDTOJson, type QueryResponseJson } from './types/config.types';
import { TOKEN_REJECTED_MESSAGE, isTokenRejected } from './proxyErrors';

const FIELD_TYPES: Record<string, FieldType> = {
  time: FieldType.time,
  number: FieldType.number,
  string: FieldType.string,
  boolean: FieldType.boolean,
  other: FieldType.other,
};

export function toFrame(dto: FrameDTOJson): DataFrame {
  return toDataFrame({
    ...dto,
    fields: dto.fields.map((field) => ({ ...field, type: FIELD_TYPES[field.type] ?? FieldType.other })),
  });
}

/** Frames of every refId that answered, one panel error per refId that did not; never throws. */
export function toQueryResponse(body: QueryResponseJson | null | undefined, refIds: string[]): DataQueryResponse {
  const data: DataFrame[] = [];
  const errors: DataQueryError[] = [];
  const results = body?.results ?? {};
  for (const refId of refIds) {
    const result = results[refId];
    if (!result) {
      errors.push({ refId, message: 'The AlphaPulse API returned no result for this query.' });
      continue;
    }
    if (result.error) {
      errors.push({ refId, message: result.error, status: result.status });
    }
    for (const frame of result.frames ?? []) {
      data.push(toFrame({ ...frame, refId }));
    }
  }
  return { data, errors, state: errors.length > 0 ? LoadingState.Error : LoadingState.Done };
}

interface FetchFailure {
  status?: number;
  statusText?: string;
  data?: { error?: string; details?: Array<{ field: string; reason: string }>; results?: QueryResponseJson['results'] } | string;
  message?: string;
}

/** A failed request as panel errors: the API's own message when it sent one, else the HTTP status. */
export function failureResponse(failure: unknown, refIds: string[]): DataQueryResponse {
  const error = (failure ?? {}) as FetchFailure;
  if (typeof error.data === 'object' && error.data?.results) {
    // Every query failed the same way (e.g. 504): the body still carries per-refId messages.
    return toQueryResponse({ results: error.data.results }, refIds);
  }
  if (isTokenRejected(failure)) {
    const message = `${TOKEN_REJECTED_MESSAGE}.`;
    return { data: [], errors: refIds.map((refId) => ({ refId, message, status: error.status })), state: LoadingState.Error };
  }
  const apiMessage = typeof error.data === 'object' ? error.data?.error : undefined;
  const details = typeof error.data === 'object' && error.data?.details ? ` (${error.data.details.map((d) => `${d.field}: ${d.reason}`).join('; ')})` : '';
  const message =
    (apiMessage ? apiMessage + details : undefined) ??
    (error.status ? `AlphaPulse API answered ${error.status}${error.statusText ? ` ${error.statusText}` : ''}` : error.message ?? 'The AlphaPulse API could not be reached.');
  return { data: [], errors: refIds.map((refId) => ({ refId, message, status: error.status })), state: LoadingState.Error };
}
