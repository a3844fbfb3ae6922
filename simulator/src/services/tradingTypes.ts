import type { ORDER_SIDES, ORDER_STATUSES } from '@alphapulse/contracts';

export type OrderSides = (typeof ORDER_SIDES)[number];
export type OrderStatuses = (typeof ORDER_STATUSES)[number];
