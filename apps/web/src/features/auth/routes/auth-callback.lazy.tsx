import { createLazyRoute } from '@tanstack/react-router';
import { AuthCallbackPage } from './auth-callback-page';

export const Route = createLazyRoute('/auth/callback')({ component: AuthCallbackPage });
