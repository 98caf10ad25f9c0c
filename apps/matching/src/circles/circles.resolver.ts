import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CircleFillState } from '@trellis/matching/domain';
import type { Principal } from '@trellis/shared/auth';
import { participantIdFor } from '@trellis/profiles/contracts';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { participantRef } from '../graphql/matching.mappers';
import { CircleFillService } from './circle-fill.service';
import { CirclesService, type CircleCommandContext, type CircleView } from './circles.service';
import { Circle, CircleFill, CircleFillOutcome } from './circles.types';

const circleCommandContext = (
  principal: Principal,
  context: GraphqlContext,
  commandId?: string | null,
): CircleCommandContext => withCommandId(commandContext(principal, context), commandId);

export function toCircle(view: CircleView): Circle {
  return {
    id: view.circleId,
    programId: view.programId,
    mentorPersonId: view.mentorPersonId,
    mentorParticipantId: view.mentorParticipantId,
    mentor: participantRef(view.mentorParticipantId),
    maxSize: view.maxSize,
    selfJoin: view.selfJoin,
    status: view.status,
    memberCount: view.memberCount,
    freeSeats: view.status === 'open' ? Math.max(0, view.maxSize - view.memberCount) : 0,
    members: view.members?.map((m) => ({ ...m, mentee: participantRef(m.participantId) })) ?? null,
  };
}

export function toCircleFill(state: CircleFillState): CircleFill {
  const inProgram = (personId: string) => participantRef(participantIdFor(state.programId, personId));
  return {
    id: state.fillId,
    programId: state.programId,
    status: state.status,
    inputSnapshotHash: state.inputSnapshotHash,
    engineVersion: state.engineVersion,
    placements: state.placements.map((p) => ({
      circleId: p.circleId,
      mentorPersonId: p.mentorPersonId,
      menteePersonId: p.menteePersonId,
      mentor: inProgram(p.mentorPersonId),
      mentee: inProgram(p.menteePersonId),
      score: p.score,
    })),
    unplaced: state.unplaced.map((u) => ({ ...u, mentee: inProgram(u.menteePersonId) })),
  };
}

/** Group mentoring: circles, joining and leaving them, and circle fills (rounds for circles). */
@Resolver()
export class CirclesResolver {
  constructor(
    @Inject(CirclesService) private readonly circleService: CirclesService,
    @Inject(CircleFillService) private readonly fills: CircleFillService,
  ) {}

  @Query(() => [Circle], {
    description: "A program's circles: all for its managers, open ones and your own for its participants",
  })
  async circles(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
  ) {
    const ctx = commandContext(principal, context);
    return (await this.circleService.circlesOf(ctx, programId)).map(toCircle);
  }

  @Query(() => [Circle], { description: 'Circles you lead or belong to in a program' })
  async myCircles(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
  ) {
    const ctx = commandContext(principal, context);
    return (await this.circleService.myCircles(ctx, programId)).map(toCircle);
  }

  @Query(() => CircleFill, { description: 'A circle fill (program managers)' })
  async circleFill(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    return toCircleFill(await this.fills.fill(commandContext(principal, context), id));
  }

  @Mutation(() => Circle, { description: 'A program manager, or the mentor themselves, creates a circle they lead' })
  async createCircle(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('mentorPersonId', { type: () => ID }) mentorPersonId: string,
    @Args('maxSize', { type: () => Int }) maxSize: number,
    @Args('selfJoin', { type: () => Boolean, defaultValue: true }) selfJoin: boolean,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = circleCommandContext(principal, context, commandId);
    const state = await this.circleService.createCircle(ctx, { programId, mentorPersonId, maxSize, selfJoin });
    return toCircle(await this.circleService.view(ctx, state));
  }

  @Mutation(() => Circle, { description: 'Join a circle on your own (where it allows it)' })
  async joinCircle(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('circleId', { type: () => ID }) circleId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = circleCommandContext(principal, context, commandId);
    return toCircle(await this.circleService.view(ctx, await this.circleService.joinCircle(ctx, circleId)));
  }

  @Mutation(() => Circle, { description: 'A program manager places a mentee in a circle' })
  async placeInCircle(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('circleId', { type: () => ID }) circleId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = circleCommandContext(principal, context, commandId);
    const state = await this.circleService.placeInCircle(ctx, circleId, menteePersonId);
    return toCircle(await this.circleService.view(ctx, state));
  }

  @Mutation(() => Circle, { description: 'Leave a circle, or (program managers) take a mentee out of one' })
  async leaveCircle(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('circleId', { type: () => ID }) circleId: string,
    @Args('menteePersonId', { type: () => ID, nullable: true }) menteePersonId?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = circleCommandContext(principal, context, commandId);
    const state = await this.circleService.leaveCircle(ctx, circleId, menteePersonId ?? undefined);
    return toCircle(await this.circleService.view(ctx, state));
  }

  @Mutation(() => Circle, { description: 'A program manager or the circle lead closes a circle' })
  async closeCircle(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('circleId', { type: () => ID }) circleId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = circleCommandContext(principal, context, commandId);
    return toCircle(await this.circleService.view(ctx, await this.circleService.closeCircle(ctx, circleId)));
  }

  @Mutation(() => CircleFill, {
    description: 'Places unplaced mentees with circle leads up to the free places (a draft, invisible to participants)',
  })
  async startCircleFill(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toCircleFill(await this.fills.startFill(circleCommandContext(principal, context, commandId), programId));
  }

  @Mutation(() => CircleFillOutcome, { description: 'Places every mentee of the draft; full circles are skipped' })
  async publishCircleFill(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('fillId', { type: () => ID }) fillId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const outcome = await this.fills.publish(circleCommandContext(principal, context, commandId), fillId);
    return { ...outcome, fill: toCircleFill(outcome.fill) };
  }

  @Mutation(() => CircleFill)
  async discardCircleFill(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('fillId', { type: () => ID }) fillId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toCircleFill(await this.fills.discard(circleCommandContext(principal, context, commandId), fillId));
  }
}
