import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal, Loaders, type RequestLoaders } from '@trellis/shared/graphql';
import { MentorshipRequest } from '../graphql/matching.types';
import { MentorshipRequestsService } from './mentorship-requests.service';

/**
 * The mentee's message on a request (sealed with the mentee's key, docs/architecture.md §7): only the two people of
 * the request read it; a program manager listing the same request gets null. The requests of one response are
 * opened with one read of their streams.
 */
@Resolver(() => MentorshipRequest)
export class RequestMessageResolver {
  constructor(@Inject(MentorshipRequestsService) private readonly requests: MentorshipRequestsService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "What the mentee wrote when asking: for the request's mentee and mentor only; null once erased",
  })
  async message(
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: RequestLoaders,
    @Parent() request: MentorshipRequest,
  ): Promise<string | null> {
    if (principal.personId !== request.menteePersonId && principal.personId !== request.mentorPersonId) return null;
    return loaders
      .get<string, string | null>('requestMessageById', (ids) => this.requests.messagesOf(principal.tenantId, ids))
      .load(request.id);
  }
}
