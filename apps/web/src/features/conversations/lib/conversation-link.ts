/** The workspace address's fragment that opens the conversation tab: `/mentorships/<id>#conversation`. */
export const CONVERSATION_TAB = 'conversation';

/** A circle's conversation stands where a mentorship's id stands in the API: `circle-<circleId>`. */
export const circleConversationId = (circleId: string): string => `circle-${circleId}`;
