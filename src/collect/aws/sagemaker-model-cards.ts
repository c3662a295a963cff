import { DescribeModelCardCommand, SageMakerClient, paginateListModelCards } from '@aws-sdk/client-sagemaker';
import { sageMakerArn } from './arn.js';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * SageMaker Model Cards: which model each card documents, and whether it documents the model's
 * intended use. A card's Content is free JSON in the model card JSON schema (SageMaker developer guide,
 * "Model card JSON schema"); only booleans, the risk rating and the model's name are kept in props.
 */

/** The fields of the model card JSON schema that aispm reads. */
interface ModelCardContent {
  model_overview?: { model_id?: unknown; model_name?: unknown };
  intended_uses?: { purpose_of_model?: unknown; intended_uses?: unknown; risk_rating?: unknown };
  evaluation_details?: unknown;
}

/** What the region's model cards tell the models: which model each card names, and whether all were read. */
export interface ModelCardLinks {
  /** Card id → the SageMaker model ARN it documents (absent when its content names none). */
  documents: Map<string, string>;
  /** False when the listing or a card's description failed: a model without a card may have one. */
  complete: boolean;
}

const text = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

function parseContent(content: string | undefined): ModelCardContent | undefined {
  try {
    const parsed: unknown = JSON.parse(content ?? '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ModelCardContent) : undefined;
  } catch {
    return undefined;
  }
}

export async function collectModelCards(account: AwsAccount, region: string): Promise<ModelCardLinks> {
  const client = account.client(SageMakerClient, region);
  const scope = account.scope(region, 'sagemaker');
  const service: ServiceRegion = { account, region, scope, tags: async () => undefined };
  const links: ModelCardLinks = { documents: new Map(), complete: false };
  /** Cards whose content was read and parsed. */
  const read = new Set<string>();
  const cards = await collectDescribed(service, {
    type: 'aws.sagemaker.model-card',
    list: { operation: 'ListModelCards', pages: () => paginateListModelCards({ client }, {}), items: (page) => page.ModelCardSummaries },
    identify: (summary) => ({ id: summary.ModelCardArn, name: summary.ModelCardName }),
    // Without a version, DescribeModelCard gives the latest.
    describe: { operation: 'DescribeModelCard', run: (summary) => client.send(new DescribeModelCardCommand({ ModelCardName: summary.ModelCardName })), names: [] },
    listed: (summary) => ({ status: summary.ModelCardStatus ?? null }),
    tagged: false,
    toAsset: (card, id) => {
      const content = parseContent(card.Content);
      if (content) read.add(id);
      const overview = content?.model_overview;
      // model_id is a SageMaker model's ARN or another system's id; model_name names a SageMaker model in the card's region.
      const modelId = typeof overview?.model_id === 'string' ? overview.model_id : undefined;
      const modelName = typeof overview?.model_name === 'string' ? overview.model_name : undefined;
      const model = modelId?.startsWith('arn:') ? modelId.toLowerCase() : modelName ? sageMakerArn(account.partition, region, account.account, 'model', modelName) : undefined;
      if (model) links.documents.set(id, model);
      const uses = content?.intended_uses;
      return {
        props: {
          status: card.ModelCardStatus ?? null,
          documentedModel: content ? (modelName ?? modelId ?? null) : undefined,
          intendedUseDocumented: content ? text(uses?.purpose_of_model) || text(uses?.intended_uses) : undefined,
          riskRating: content ? (typeof uses?.risk_rating === 'string' ? uses.risk_rating : null) : undefined,
          evaluationDocumented: content ? Array.isArray(content.evaluation_details) && content.evaluation_details.length > 0 : undefined,
        },
        raw: toRaw({ ...card, Content: undefined }),
      };
    },
  });
  links.complete = cards !== undefined && cards.every((id) => read.has(id));
  return links;
}

/** Draws model --documented-by--> card; where the cards were not all read, the models' cards are unknown. */
export function linkModelCards(account: AwsAccount, models: readonly string[] | undefined, links: ModelCardLinks): void {
  for (const [card, model] of links.documents) if (account.getAsset(model)) account.edge(model, 'documented-by', card);
  if (!links.complete) for (const model of models ?? []) account.markEdgesUnread(model, 'documented-by');
}
