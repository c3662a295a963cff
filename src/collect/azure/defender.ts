import { flag, items, knownValue, record, same, text, type ArmRecord } from './arm.js';
import { ArmRest } from './rest.js';
import { GLOBAL_REGION, SERVICES, type AzureScan } from './session.js';

/**
 * Microsoft Defender for Cloud plans of each subscription that bear on AI: `AI` (Defender for AI
 * Services: threat protection for Azure OpenAI and AI Foundry, prompt-shield alerts) and
 * `CloudPosture` (Defender CSPM: AI-BOM discovery and generative-AI attack paths). AI services
 * accounts link to their subscription's AI plan (`monitored-by`, cognitive-services.ts).
 *
 * Read as plain ARM REST at api-version 2024-01-01, the newest GA version of Pricings_List:
 * @azure/arm-security 5 sends 2022-03-01, which has no extensions, enforce or coverage status.
 */

const PRICINGS_API_VERSION = '2024-01-01';
const PRICING_TYPE = 'azure.security.pricing';
/** The plans aispm keeps; the listing returns every plan of the subscription. */
export const AI_PLANS = ['AI', 'CloudPosture'] as const;

export function defenderPlanId(subscriptionId: string, plan: (typeof AI_PLANS)[number]): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${plan}`;
}

export async function collectDefenderPlans(scan: AzureScan, subscriptionId: string): Promise<void> {
  const rest = new ArmRest(scan.connection);
  const pricings = await scan.call(subscriptionId, SERVICES.security, 'pricings.list', () => rest.list(`/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings`, PRICINGS_API_VERSION));
  for (const pricing of pricings ?? []) {
    const plan = AI_PLANS.find((name) => same(pricing.name, name));
    if (!plan) continue;
    const id = pricing.id ?? defenderPlanId(subscriptionId, plan);
    scan.defenderPlans.set(id.toLowerCase(), id);
    scan.graph.add({
      id,
      type: PRICING_TYPE,
      account: subscriptionId,
      region: GLOBAL_REGION,
      name: plan,
      props: pricingProps(pricing),
      raw: pricing,
    });
  }
}

export function pricingProps(pricing: ArmRecord) {
  const properties = record(pricing.properties);
  const tier = knownValue(text(properties.pricingTier), ['Free', 'Standard']);
  return {
    plan: pricing.name ?? null,
    pricingTier: text(properties.pricingTier) ?? null,
    // Standard is the paid plan that is on; Free is off; a tier this code does not know stays unknown.
    enabled: tier === undefined || tier === null ? undefined : tier === 'Standard',
    subPlan: text(properties.subPlan) ?? null,
    enforce: text(properties.enforce) ?? null,
    resourcesCoverageStatus: text(properties.resourcesCoverageStatus) ?? null,
    extensions: items(properties.extensions)
      .map(record)
      .filter((extension) => same(text(extension.isEnabled), 'True'))
      .map((extension) => text(extension.name))
      .filter((name): name is string => name !== undefined)
      .sort(),
    deprecated: flag(properties.deprecated) ?? null,
  };
}

/**
 * Links each AI services account to its subscription's Defender for AI Services plan
 * (`monitored-by`), once every subscription has been read; an account whose plan could not be read
 * gets no edge.
 */
export function linkDefenderPlans(scan: AzureScan): void {
  for (const account of scan.aiAccounts) {
    const plan = scan.defenderPlans.get(defenderPlanId(account.account, 'AI').toLowerCase());
    if (plan) scan.graph.link(account.id, 'monitored-by', plan);
  }
}
