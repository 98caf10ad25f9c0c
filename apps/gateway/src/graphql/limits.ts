import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { costRefusal, operationCost } from './operation-cost';

function limitError(message: string, limit: string, status = 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'LIMIT', limit, http: { status } },
  });
}

/** Rejects operations nested deeper than `max` (introspection's own nesting does not count). */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const below = selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0;
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment cycle is reported by graphql-js's own NoFragmentCycles rule.
          if (!fragment || visiting.has(name)) continue;
          visiting.add(name);
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, visiting));
          visiting.delete(name);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > max) {
          context.reportError(limitError(`The query is nested ${depth} levels deep; the limit is ${max}.`, 'depth'));
        }
      },
    };
  };
}

/** Rejects documents with more than `max` aliased fields (alias-based amplification). */
export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases > max && !reported) {
          reported = true;
          context.reportError(limitError(`The query uses more than ${max} aliases.`, 'aliases'));
        }
      },
    };
  };
}

/** Rejects an operation whose estimated cost is above `max`, before any subgraph is called. */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ document, request, operationName, schema }) {
          const cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost.points > max) throw limitError(costRefusal(cost, max), 'cost');
          return Promise.resolve();
        },
      }),
  };
}
