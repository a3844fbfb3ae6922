// Alerts: what is firing now by severity, and how AlphaPulse's own alerting service delivers notifications.
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { alertListPanel, row, textPanel, timeSeriesPanel } from '../panels/common';
import { promQuery } from '../panels/queries';

export function alertsDashboard() {
  return baseDashboard(DASHBOARDS.alerts, {
    tags: ['alerts'],
    refresh: '30s',
    from: 'now-6h',
    description: 'Firing and pending Grafana alerts by severity, and notification delivery of the alerting service.',
    related: [DASHBOARDS.serviceDetail, DASHBOARDS.dependencyGraph, DASHBOARDS.trading],
  })
    .withRow(row('Grafana alerts'))
    .withPanel(alertListPanel({ title: 'Critical', labelFilter: '{severity="critical"}', width: 8, height: 10 }))
    .withPanel(alertListPanel({ title: 'Warning', labelFilter: '{severity="warning"}', width: 8, height: 10 }))
    .withPanel(alertListPanel({ title: 'Info', labelFilter: '{severity="info"}', width: 8, height: 10 }))
    .withPanel(
      textPanel(
        'Routing',
        [
          '**critical** → SMS (Amazon SNS and the SMS gateway webhook) + Slack, repeated every 15 min; still firing after 30 min → escalation contact.',
          '**warning** → Slack, repeated every 4 h. **info** → email digest, at most hourly.',
          'Stale market data is muted outside trading hours. Manage silences under [Alerting → Silences](/alerting/silences); rules under [Alert rules](/alerting/list).',
        ].join('\n\n'),
        24,
        4,
      ),
    )
    .withRow(row('AlphaPulse alerting service'))
    .withPanel(
      timeSeriesPanel({
        title: 'Notifications sent per channel',
        unit: 'ops',
        queries: [promQuery('sum by (channel) (rate(alphapulse_alerting_service_notifications_sent_total[$__rate_interval]))', { legend: '{{channel}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Notifications failed per channel',
        unit: 'ops',
        queries: [promQuery('sum by (channel) (rate(alphapulse_alerting_service_notifications_failed_total[$__rate_interval]))', { legend: '{{channel}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Escalations and rules evaluated',
        unit: 'ops',
        queries: [
          promQuery('sum(rate(alphapulse_alerting_service_escalations_total[$__rate_interval]))', { legend: 'escalations' }),
          promQuery('sum(rate(alphapulse_alerting_service_rules_evaluated_total[$__rate_interval]))', { legend: 'rules evaluated' }),
        ],
        width: 8,
      }),
    );
}
