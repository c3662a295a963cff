import { z } from 'zod';
import { allOf, anyOf } from '../truth.js';
import type { EvalContext, FieldOperator } from './operator.js';

/**
 * some / every: a condition on the elements of a list field. Inside, `field:` is relative to the
 * element, and a condition without `field:` tests the element itself.
 */

function quantifier(name: 'some' | 'every', summary: string, join: typeof anyOf, whenNotList: boolean): FieldOperator<unknown> {
  return {
    kind: 'field',
    name,
    summary,
    example: name === 'some' ? '{ field: props.variants, some: { field: currentInstanceCount, lt: 2 } }' : '{ field: props.contentFilterTypes, every: { in: [HATE, VIOLENCE] } }',
    args: z.unknown(),
    compile: (item, context) => {
      const inner = context.condition(item, context.path, { kind: 'element', schema: context.elementSchema });
      return (value, evaluation: EvalContext) => {
        if (!Array.isArray(value)) return whenNotList;
        // Elements are explained by the list itself, recorded by the enclosing field condition.
        const quiet = evaluation.evidence ? { graph: evaluation.graph, work: evaluation.work } : evaluation;
        return join(value, (element) => inner(element, quiet));
      };
    },
  };
}

export const some = quantifier('some', 'at least one element of the list matches the condition (false when there is no list)', anyOf, false);
export const every = quantifier('every', 'every element of the list matches the condition (true for an empty list, false when there is no list)', allOf, false);
