import { DEMO_SALES_UNIT, type SalesUnit, type SandboxConfig } from './config';
import type { SalesUnitRegistry } from './context';

export function createSalesUnitRegistry(config: SandboxConfig): SalesUnitRegistry {
  const units: SalesUnit[] = [...(config.includeDemoSalesUnit ? [DEMO_SALES_UNIT] : []), ...config.salesUnits];
  const byKey = new Map<string, SalesUnit>();
  const byClient = new Map<string, SalesUnit>();
  for (const unit of units) {
    if (byKey.has(unit.subscriptionKey)) throw new Error(`Two sales units share the subscription key of "${unit.name}".`);
    if (byClient.has(unit.clientId)) throw new Error(`Two sales units share the client_id of "${unit.name}".`);
    byKey.set(unit.subscriptionKey, unit);
    byClient.set(unit.clientId, unit);
  }
  return {
    bySubscriptionKey: (key) => byKey.get(key),
    byClientId: (clientId) => byClient.get(clientId),
    all: () => units,
  };
}
