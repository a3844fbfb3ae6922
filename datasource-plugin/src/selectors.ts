// data-testids shared by the component tests and the e2e specs.
export const testIds = {
  configEditor: {
    apiUrl: 'alphapulse-config-api-url',
    apiToken: 'alphapulse-config-api-token',
  },
  queryEditor: {
    queryType: 'alphapulse-query-type',
    selection: (key: string) => `alphapulse-query-${key}`,
    timeframe: 'alphapulse-query-timeframe',
    minConfidence: 'alphapulse-query-min-confidence',
    pnlMode: 'alphapulse-query-pnl-mode',
  },
  variableEditor: {
    kind: 'alphapulse-variable-kind',
    filter: 'alphapulse-variable-filter',
  },
};
