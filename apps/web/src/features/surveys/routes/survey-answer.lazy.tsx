import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { SurveyAnswerPage } from './survey-answer-page';

// The address a survey's invitation and reminders link to: one per occurrence, the same for everyone asked.
export const Route = createLazyRoute('/surveys/$occurrenceId')({
  component: function SurveyAnswerRoute() {
    const { occurrenceId } = Route.useParams();
    return (
      <RequireSignIn>
        <SurveyAnswerPage occurrenceId={occurrenceId} />
      </RequireSignIn>
    );
  },
});
