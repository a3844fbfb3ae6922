// Who depends on whom: the contract's reference graph (ALPHAPULSE.md's "plausible dependency graph"), so the
// health records, the status rules and the panel's fixtures read the same edges.
import { REFERENCE_DEPENDENCIES, SERVICE_KINDS, isServiceKind, type ServiceKind } from '@alphapulse/contracts';

export const SERVICE_DEPENDENCIES = REFERENCE_DEPENDENCIES;

/** The AlphaPulse services (not externals) a service calls directly. */
export function serviceDependenciesOf(kind: ServiceKind): ServiceKind[] {
  return SERVICE_DEPENDENCIES[kind].filter(isServiceKind);
}

/** The services that call `kind` directly. */
export function directDependentsOf(kind: ServiceKind): ServiceKind[] {
  return SERVICE_KINDS.filter((other) => SERVICE_DEPENDENCIES[other].includes(kind));
}
