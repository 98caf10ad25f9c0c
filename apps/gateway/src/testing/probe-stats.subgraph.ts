import { Module } from '@nestjs/common';
import {
  Context,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { AuthConfig } from '@trellis/shared/auth';
import { type GraphqlContext, SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule } from '@trellis/shared/platform';

const batches: number[] = [];

/** The second subgraph: contributes `sessionsHeld` and `nextSessionAt` to participants (resolved in batches). */
@ObjectType('ProbeParticipant')
@Directive('@key(fields: "id")')
export class ProbeParticipantExtension {
  @Field(() => ID) id!: string;
}

@Resolver(() => ProbeParticipantExtension)
export class ProbeStatsResolver {
  @ResolveReference()
  resolveReference(reference: { id: string }): ProbeParticipantExtension {
    return { id: reference.id };
  }

  @ResolveField(() => Int)
  sessionsHeld(@Parent() participant: ProbeParticipantExtension, @Context() context: GraphqlContext): Promise<number> {
    return context.loaders
      .get<string, number>('sessionsHeld', (ids) => {
        batches.push(ids.length);
        return Promise.resolve(ids.map((id) => Number(id.split('-')[1]) % 7));
      })
      .load(participant.id);
  }

  @ResolveField(() => String)
  nextSessionAt(@Parent() participant: ProbeParticipantExtension): string {
    return new Date(Date.UTC(2026, 11, 1 + (Number(participant.id.split('-')[1]) % 28))).toISOString();
  }
}

@Resolver()
export class ProbeStatsQueryResolver {
  /** Sizes of the loader batches since the last call, so tests can prove there is no N+1. */
  @Query(() => [Int])
  probeBatches(): number[] {
    return batches.splice(0);
  }
}

export function probeStatsModule(auth: AuthConfig) {
  @Module({
    imports: [
      PlatformModule.forService({ service: 'sessions', mongo: false, kafka: false }),
      SubgraphGraphqlModule.forRoot({
        service: 'probe-stats',
        auth,
        // Reachable only through _entities, so code-first would leave it out.
        buildSchemaOptions: { orphanedTypes: [ProbeParticipantExtension] },
      }),
    ],
    providers: [ProbeStatsResolver, ProbeStatsQueryResolver],
  })
  class ProbeStatsModule {}
  return ProbeStatsModule;
}
