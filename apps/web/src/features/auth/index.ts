export { acceptInvitation } from './api/accept-invitation';
export { completePasswordReset } from './api/password-reset';
export { NewPasswordForm } from './components/new-password-form';
export { PasswordResetRequestForm } from './components/password-reset-request-form';
export { SecondFactorForm } from './components/second-factor-form';
export { SignInForm } from './components/sign-in-form';
export { SignOutButton } from './components/sign-out-button';
export { tokenFromHash } from './lib/link-token';
export { nextStepAfterSignIn, RETURN_PARAM, safeReturnPath } from './lib/return-path';
