// Post-processing of the SDK's dashboard model into what Grafana should load: the SDK leaves panel ids at 0,
// does not set refIds (Grafana would then assign them on first save, making the committed JSON drift) and
// places links in the newer "controls menu" that older Grafana versions do not know, and it writes the table
// footer in its pre-12 place.
type Json = Record<string, unknown>;

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function finalizePanel(panel: Json, nextId: () => number): void {
  panel.id = nextId();
  const targets = (panel.targets as Json[] | undefined) ?? [];
  targets.forEach((target, index) => {
    if (!target.refId) target.refId = REF_IDS[index];
    if (!target.datasource && panel.datasource) target.datasource = panel.datasource;
  });
  // A panel whose queries all use one datasource names it too (Grafana shows it in the editor).
  if (!panel.datasource && targets.length > 0) {
    const uids = new Set(targets.map((target) => (target.datasource as Json | undefined)?.uid));
    if (uids.size === 1 && targets[0].datasource) panel.datasource = targets[0].datasource;
  }
  dropPlacement(((panel.fieldConfig as Json | undefined)?.defaults as Json | undefined)?.links as Json[] | undefined);
  if (panel.type === 'table') moveTableFooter(panel);
  for (const child of (panel.panels as Json[] | undefined) ?? []) finalizePanel(child, nextId);
}

/**
 * The SDK (0.0.21) writes the pre-12 table footer `options.footer` {show, reducer, countRows}. Grafana 12's table
 * has no such option: footers are per field, `fieldConfig.defaults.custom.footer.reducers` (TableOptions and
 * TableFieldOptions in @grafana/schema 12.4, generated from packages/grafana-schema/src/common/table.cue).
 */
function moveTableFooter(panel: Json): void {
  const options = panel.options as Json | undefined;
  const footer = options?.footer as { show?: boolean; reducer?: string[] } | undefined;
  if (!options || !footer) return;
  delete options.footer;
  if (!footer.show || !footer.reducer?.length) return;
  const fieldConfig = (panel.fieldConfig ??= { defaults: {}, overrides: [] }) as Json;
  const defaults = (fieldConfig.defaults ??= {}) as Json;
  const custom = (defaults.custom ??= {}) as Json;
  custom.footer = { reducers: footer.reducer };
}

function dropPlacement(items: Json[] | undefined): void {
  for (const item of items ?? []) delete item.placement;
}

export function finalizeDashboard(model: Json): Json {
  let id = 0;
  const nextId = () => ++id;
  for (const panel of (model.panels as Json[] | undefined) ?? []) finalizePanel(panel, nextId);
  dropPlacement(model.links as Json[] | undefined);
  const annotations = (model.annotations as { list?: Json[] } | undefined)?.list ?? [];
  dropPlacement(annotations);
  // Grafana's own "Annotations & Alerts" first, so alert state changes show on every time series panel.
  model.annotations = {
    list: [
      {
        builtIn: 1,
        datasource: { type: 'grafana', uid: '-- Grafana --' },
        enable: true,
        hide: true,
        iconColor: 'rgba(0, 211, 255, 1)',
        name: 'Annotations & Alerts',
        type: 'dashboard',
      },
      ...annotations,
    ],
  };
  return model;
}
