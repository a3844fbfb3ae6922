// The notification policy walker used to prove routing without Grafana: Alertmanager's semantics.
import { route, type PolicyNode } from '../../dashboards/src/checks/policyRouting';

const tree: PolicyNode = {
  receiver: 'default',
  routes: [
    { receiver: 'pager', object_matchers: [['severity', '=', 'critical']], continue: true, routes: [{ object_matchers: [['schedule', '=', 'trading-hours']], mute_time_intervals: ['night'] }] },
    { receiver: 'escalation', object_matchers: [['severity', '=', 'critical']] },
    { receiver: 'never', object_matchers: [['severity', '=', 'critical']] },
    { receiver: 'regex', object_matchers: [['service', '=~', 'risk_.*|trading_engine']] },
    { receiver: 'not-info', object_matchers: [['severity', '!~', 'info|warning'], ['team', '!=', 'quant']] },
  ],
};

test('continue lets later siblings match; the first one without continue stops the walk', () => {
  expect(route(tree, { severity: 'critical' }).map((d) => d.receiver)).toEqual(['pager', 'escalation']);
});

test('a nested route inherits the receiver; mute timings apply only where they are named', () => {
  expect(route(tree, { severity: 'critical', schedule: 'trading-hours' })).toEqual([
    { receiver: 'pager', muteTimings: ['night'] },
    { receiver: 'escalation', muteTimings: [] },
  ]);
});

test('regex matchers are anchored, as in Alertmanager', () => {
  expect(route(tree, { severity: 'info', service: 'risk_manager' }).map((d) => d.receiver)).toEqual(['regex']);
  expect(route(tree, { severity: 'info', service: 'not_risk_manager' }).map((d) => d.receiver)).toEqual(['default']);
});

test('negative matchers, and a missing label counts as empty', () => {
  expect(route(tree, { severity: 'bogus' }).map((d) => d.receiver)).toEqual(['not-info']);
  expect(route(tree, { severity: 'bogus', team: 'quant' }).map((d) => d.receiver)).toEqual(['default']);
});
