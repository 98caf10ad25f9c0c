import { useMutation } from '@apollo/client/react';
import { Button, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { DEFINE_QUESTIONNAIRE } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import {
  draftsOf,
  MAX_QUESTIONS,
  moved,
  newQuestion,
  type QuestionDraft,
  type QuestionField,
  questionProblems,
  QUESTION_KINDS,
  refusedQuestion,
  toQuestionInputs,
} from '../lib/questionnaire-draft';
import { QuestionEditor } from './question-editor';
import { QuestionnairePreview } from './questionnaire-preview';

export const QuestionnaireBuilderQuestion = graphql(`
  fragment QuestionnaireBuilder_question on Question {
    questionId
    kind
    text
    scaleMin
    scaleMax
    usedForMatching
    weight
    matchingMode
    options {
      optionId
      label
    }
  }
`);

/** The program's own questions: written, ordered and weighed here, previewed as participants will answer them. */
export function QuestionnairePanel(props: {
  programId: string;
  questions: ReadonlyArray<FragmentType<typeof QuestionnaireBuilderQuestion>>;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState(() => draftsOf(getFragmentData(QuestionnaireBuilderQuestion, props.questions)));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [define, defining] = useMutation(DEFINE_QUESTIONNAIRE);
  const { failure, run } = useConsoleAction();
  const refused = failure?.kind === 'badUserInput' ? refusedQuestion(failure.field) : null;

  const edit = (next: QuestionDraft[]) => {
    setSaved(false);
    setDrafts(next);
  };
  const errorOn = (index: number) => (field: QuestionField) => {
    if (refused?.index === index && (refused.field ?? 'text') === field) return failure?.detail;
    const problem = checked ? questionProblems(drafts[index]!)[field] : undefined;
    return problem && t(`console.questionnaire.problems.${problem}`);
  };
  const save = async () => {
    setChecked(true);
    setSaved(false);
    if (drafts.some((q) => Object.keys(questionProblems(q)).length > 0)) return;
    const done = await run(() =>
      define({
        variables: {
          programId: props.programId,
          questions: toQuestionInputs(drafts),
          commandId: newCommandId(),
        },
      }),
    );
    setSaved(done);
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
        <Stack>
          <Title order={2}>{t('console.questionnaire.heading')}</Title>
          <Text size="sm" c="dimmed">
            {t('console.questionnaire.intro')}
          </Text>
          <FailureAlert failure={refused ? null : failure} />
          {drafts.length === 0 && <Text>{t('console.questionnaire.empty')}</Text>}
          {drafts.map((question, index) => (
            <QuestionEditor
              key={question.questionId}
              question={question}
              position={index + 1}
              count={drafts.length}
              onChange={(next) => edit(drafts.map((q, i) => (i === index ? next : q)))}
              onMove={(by) => edit(moved(drafts, index, by))}
              onRemove={() => edit(drafts.filter((_, i) => i !== index))}
              errorOn={errorOn(index)}
            />
          ))}
          <Group justify="space-between">
            <Menu position="bottom-start">
              <Menu.Target>
                <Button variant="light" disabled={drafts.length >= MAX_QUESTIONS}>
                  {t('console.questionnaire.add')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {QUESTION_KINDS.map((kind) => (
                  <Menu.Item key={kind} onClick={() => edit([...drafts, newQuestion(kind, drafts)])}>
                    {t(`console.questionnaire.kinds.${kind}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Group gap="sm">
              {saved && (
                <Text role="status" size="sm">
                  {t('console.saved')}
                </Text>
              )}
              <Button type="submit" loading={defining.loading}>
                {t('console.questionnaire.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <QuestionnairePreview questions={drafts} />
    </SimpleGrid>
  );
}
