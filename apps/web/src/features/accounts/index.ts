export { createAccount, updateAccount, useAccount } from './api/accounts';
export { AccountActions } from './components/account-actions';
export { AccountForm, type AccountFormValues } from './components/account-form';
export { AccountsOverview } from './components/accounts-overview';
export { roleLabel } from './lib/role-label';
