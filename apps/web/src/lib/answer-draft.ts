/** One answer to a program's question as a form holds it; which part counts depends on the question's kind. */
export interface AnswerDraft {
  optionIds: string[];
  value: number | null;
  text: string;
}

export const emptyAnswer = (): AnswerDraft => ({ optionIds: [], value: null, text: '' });
