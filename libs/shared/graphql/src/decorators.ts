import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import type { GraphqlContext } from './graphql-context';
import type { RequestLoaders } from './request-loaders';

function contextOf(execution: ExecutionContext): GraphqlContext {
  return GqlExecutionContext.create(execution).getContext<GraphqlContext>();
}

/** The verified caller of this operation. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): Principal => contextOf(execution).principal,
);

/** This request's DataLoader registry. */
export const Loaders = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): RequestLoaders => contextOf(execution).loaders,
);
