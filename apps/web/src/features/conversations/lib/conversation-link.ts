/** The workspace address's fragment that opens the conversation tab: `/mentorships/<id>#conversation`. */
export const CONVERSATION_TAB = 'conversation';
