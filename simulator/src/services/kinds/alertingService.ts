// alerting_service: evaluates rules continuously and notifies per channel, more when services are
// unhealthy: warnings go to Slack, critical (down) ones escalate to SMS, email carries digests.
import { NOTIFICATION_CHANNELS, SERVICE_KINDS } from '@alphapulse/contracts';
import { defineKind } from './kindModule';

type Channel = (typeof NOTIFICATION_CHANNELS)[number];

interface AlertingServiceState {
  channels: Record<Channel, { sent: number; failed: number }>;
  escalations: number;
  rulesEvaluated: number;
}

const RULES = 120;
const FAILURE_PROBABILITY: Record<Channel, number> = { email: 0.01, sms: 0.02, webhook: 0.015, slack: 0.008 };

export const alertingService = defineKind({
  kind: 'alerting_service',
  profile: {
    version: '1.6.3',
    requestsPerSecond: 15,
    latencyMedianSeconds: 0.01,
    latencySigma: 0.6,
    cpuSecondsPerRequest: 0.001,
    idleCpuSecondsPerSecond: 0.008,
    baseMemoryBytes: 180 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 5_000,
    errorBurstsPerHour: 0.2,
  },
  createState: (): AlertingServiceState => ({
    channels: Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, { sent: 0, failed: 0 }])) as AlertingServiceState['channels'],
    escalations: 0,
    rulesEvaluated: 0,
  }),
  step(state, { rng, timeMs, world }) {
    // Rules are evaluated every 10 s.
    if (Math.floor(timeMs / 1000) % 10 === 0) state.rulesEvaluated += RULES;
    const others = SERVICE_KINDS.filter((kind) => kind !== 'alerting_service');
    const degraded = others.filter((kind) => world.statusOf(kind) === 'degraded').length;
    const down = others.filter((kind) => world.statusOf(kind) === 'down').length;
    const notify = (channel: Channel, count: number) => {
      for (let i = 0; i < count; i++) {
        if (rng.chance(FAILURE_PROBABILITY[channel])) state.channels[channel].failed++;
        else state.channels[channel].sent++;
      }
    };
    notify('slack', rng.poisson(0.002 + 0.02 * (degraded + down)));
    notify('webhook', rng.poisson(0.003 + 0.02 * (degraded + down)));
    notify('email', rng.poisson(1 / 3600 + 0.002 * (degraded + down)));
    const escalated = rng.poisson(0.02 * down);
    notify('sms', escalated);
    state.escalations += escalated;
  },
  stats: (state, common) => ({
    ...common,
    channels: Object.fromEntries(
      NOTIFICATION_CHANNELS.map((c) => [c, { sent_total: state.channels[c].sent, failed_total: state.channels[c].failed }]),
    ),
    escalations_total: state.escalations,
    rules_evaluated_total: state.rulesEvaluated,
  }),
  performanceMetrics: (state) => ({ rules: RULES, escalations: state.escalations }),
});
