import { graphql } from '../../../gql';

// Quiet hours count in the zone of the person's profile (the one emails are planned in), so the page names it.
export const NOTIFICATION_PREFERENCES = graphql(`
  query NotificationPreferencesPage {
    notificationPreferences {
      ...PreferencesForm_preferences
    }
    me {
      personId
      participations {
        id
        timezone
      }
    }
  }
`);

export const PreferencesFormPreferences = graphql(`
  fragment PreferencesForm_preferences on NotificationPreferences {
    channels {
      category
      inApp
      email
    }
    digest
    quietHours {
      startMinute
      endMinute
    }
    dailyEmailBudget
    unsubscribed
  }
`);

export const UPDATE_NOTIFICATION_PREFERENCES = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!, $commandId: ID) {
    updateNotificationPreferences(input: $input, commandId: $commandId) {
      ...PreferencesForm_preferences
    }
  }
`);
