// Walks generated dashboard models for what the checks need: panels (rows flattened), their queries by
// datasource, template variables, annotations and every /d/<uid> link.
type Json = Record<string, any>;

export function allPanels(model: Json): Json[] {
  return (model.panels ?? []).flatMap((panel: Json) => [panel, ...(panel.panels ?? [])]);
}

export interface QueryRef {
  dashboardUid: string;
  where: string;
  datasourceUid: string | undefined;
  query: Json;
}

export function allQueries(model: Json): QueryRef[] {
  const refs: QueryRef[] = [];
  for (const panel of allPanels(model)) {
    for (const target of panel.targets ?? []) {
      refs.push({ dashboardUid: model.uid, where: `panel "${panel.title}"`, datasourceUid: (target.datasource ?? panel.datasource)?.uid, query: target });
    }
  }
  for (const variable of model.templating?.list ?? []) {
    if (variable.type === 'query') refs.push({ dashboardUid: model.uid, where: `variable ${variable.name}`, datasourceUid: variable.datasource?.uid, query: variable.query });
  }
  for (const annotation of model.annotations?.list ?? []) {
    if (annotation.builtIn) continue;
    refs.push({ dashboardUid: model.uid, where: `annotation ${annotation.name}`, datasourceUid: annotation.datasource?.uid, query: annotation.target ?? {} });
  }
  return refs;
}

/** PromQL of a Prometheus query; a label_values() variable is reduced to the selector it reads. */
export function promqlOf(ref: QueryRef): string | undefined {
  const text: unknown = ref.query.expr ?? ref.query.query;
  if (typeof text !== 'string') return undefined;
  const labelValues = /^label_values\((.+),\s*\w+\)$/.exec(text);
  return labelValues ? labelValues[1] : text;
}

/** Targets of every dashboard link, data link and markdown link of the form /d/<uid>. */
export function linkedDashboardUids(model: Json): string[] {
  return [...JSON.stringify(model).matchAll(/\/d\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]);
}
