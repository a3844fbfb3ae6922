// Names shared between the hand-written contact point / policy files and the code that checks them.
export const CONTACT_POINTS = {
  pager: 'alphapulse-critical-pager',
  escalation: 'alphapulse-critical-escalation',
  slack: 'alphapulse-slack-warnings',
  emailDigest: 'alphapulse-email-digest',
} as const;

export const MUTE_TIMINGS = {
  outsideTradingHours: 'outside-trading-hours',
} as const;
