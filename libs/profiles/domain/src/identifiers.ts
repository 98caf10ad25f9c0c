export { participantIdFor, participantStreamId, programStreamId } from '@trellis/profiles/contracts';

export const organizationStreamId = (organizationId: string): string => `organization-${organizationId}`;
