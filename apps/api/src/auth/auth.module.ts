import { Global, Module } from '@nestjs/common';
import { AccountController } from './account.controller';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';
import { AccountSelfService } from './account-self.service';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountsSeeder } from './demo-accounts.seeder';
import { MailService } from './mail.service';
import { OidcClient } from './oidc/oidc-client';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { PasswordService } from './password.service';
import { SecondFactorService } from './second-factor.service';
import { SecretBox } from './secret-box';
import { SessionService } from './session.service';
import { SignInThrottleService } from './sign-in-throttle.service';

/** Accounts, sign-in, sessions and one-time links. Global, because the global AccessGuard resolves sessions. */
@Global()
@Module({
  controllers: [
    AuthController,
    AccountController,
    AccountsController,
    AccountLinksController,
    OidcController,
  ],
  providers: [
    AuthService,
    AccountSelfService,
    AccountsService,
    AccountLinksService,
    SessionService,
    PasswordService,
    SecondFactorService,
    SecretBox,
    SignInThrottleService,
    MailService,
    DemoAccountsSeeder,
    OidcService,
    OidcClient,
  ],
  exports: [SessionService, DemoAccountsSeeder, MailService],
})
export class AuthModule {}
