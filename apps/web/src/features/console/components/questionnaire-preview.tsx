import { Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionField, QuestionFieldQuestion } from '../../../components/question-field';
import { makeFragmentData } from '../../../gql';
import { type AnswerDraft, emptyAnswer } from '../../../lib/answer-draft';
import { type QuestionDraft, toQuestionInputs } from '../lib/questionnaire-draft';

/**
 * The questionnaire as a person joining the program will see it: the same control the join page shows for each
 * question, fed with the unsaved draft, so a manager can try the answers before anyone else does.
 */
export function QuestionnairePreview({ questions }: { questions: readonly QuestionDraft[] }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const shown = toQuestionInputs(questions).map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    text: q.text || t('console.questionnaire.untitled'),
    scaleMin: q.scaleMin ?? null,
    scaleMax: q.scaleMax ?? null,
    options: (q.options ?? []).map((o, i) => ({
      optionId: o.optionId,
      label: o.label || t('console.questionnaire.optionLabel', { position: i + 1 }),
    })),
  }));
  return (
    <Card withBorder component="section" aria-labelledby="questionnaire-preview">
      <Stack>
        <Title order={3} id="questionnaire-preview">
          {t('console.questionnaire.preview')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('console.questionnaire.previewHint')}
        </Text>
        {shown.length === 0 && <Text>{t('console.questionnaire.empty')}</Text>}
        {shown.map((question) => (
          <QuestionField
            key={question.questionId}
            question={makeFragmentData(question, QuestionFieldQuestion)}
            value={answers[question.questionId] ?? emptyAnswer()}
            onChange={(value) => setAnswers((all) => ({ ...all, [question.questionId]: value }))}
          />
        ))}
      </Stack>
    </Card>
  );
}
