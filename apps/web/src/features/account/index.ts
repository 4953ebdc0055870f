export { ChangePasswordForm } from './components/change-password-form';
export { SessionsList } from './components/sessions-list';
export { TotpEnrolment } from './components/totp-enrolment';
export { TwoFactorSection } from './components/two-factor-section';
