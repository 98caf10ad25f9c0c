import { Module } from '@nestjs/common';
import {
  Args,
  Context,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { AuthConfig, Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { CurrentPrincipal, type GraphqlContext, SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule } from '@trellis/shared/platform';
import { PROBE_PROGRAM, PROBE_TENANT } from './probe-subgraphs';

@ObjectType()
@Directive('@key(fields: "id")')
export class ProbeParticipant {
  @Field(() => ID) id!: string;
  @Field() personId!: string;
  @Field() role!: string;
  @Field(() => Int) capacity!: number;
}

@ObjectType()
export class ProbeProgram {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [ProbeParticipant]) participants!: ProbeParticipant[];
}

@ObjectType()
export class ProbeCaller {
  @Field() personId!: string;
  @Field() tenantId!: string;
  @Field() correlationId!: string;
  @Field() forwardedCorrelationId!: string;
}

function participants(count: number): ProbeParticipant[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `participant-${i}`,
    personId: `person-${i}`,
    role: i % 5 === 0 ? 'mentor' : 'mentee',
    capacity: i % 5 === 0 ? 3 : 0,
  }));
}

@Resolver(() => ProbeProgram)
export class ProbeProgramResolver {
  @Query(() => ProbeProgram)
  program(
    @Args('id', { type: () => ID }) id: string,
    @Args('participants', { type: () => Int, defaultValue: 50 }) count: number,
    @CurrentPrincipal() principal: Principal,
  ): ProbeProgram {
    if (id !== PROBE_PROGRAM || principal.tenantId !== PROBE_TENANT)
      throw new DomainError('NOT_FOUND', 'No such program');
    return { id, name: 'Probe program', participants: participants(count) };
  }

  @Query(() => ProbeCaller)
  caller(@CurrentPrincipal() principal: Principal, @Context() context: GraphqlContext): ProbeCaller {
    const headers = (context.req as { headers: Record<string, string> }).headers;
    return {
      personId: principal.personId,
      tenantId: principal.tenantId,
      correlationId: context.correlationId,
      forwardedCorrelationId: headers['x-correlation-id'] ?? '',
    };
  }

  @Query(() => Boolean)
  explode(): boolean {
    throw new Error('connect ECONNREFUSED mongodb://10.0.0.7:27017 secret-collection');
  }
}

@Resolver(() => ProbeParticipant)
export class ProbeParticipantReferenceResolver {
  @ResolveReference()
  resolveReference(reference: { id: string }): ProbeParticipant {
    const index = Number(reference.id.split('-')[1]);
    return participants(index + 1)[index]!;
  }
}

export function probeProgramsModule(auth: AuthConfig) {
  @Module({
    imports: [
      PlatformModule.forService({ service: 'profiles', mongo: false, kafka: false }),
      SubgraphGraphqlModule.forRoot({ service: 'probe-programs', auth }),
    ],
    providers: [ProbeProgramResolver, ProbeParticipantReferenceResolver],
  })
  class ProbeProgramsModule {}
  return ProbeProgramsModule;
}
