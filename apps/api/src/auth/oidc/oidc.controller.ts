import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Public } from '../../common/access.decorator';
import { ProblemResponseDto } from '../../common/problem-response.dto';
import { OidcLoginQueryDto, SsoInfoDto } from './dto/oidc.dto';
import { OidcService } from './oidc.service';

/** Single sign-on with the organisation's identity provider (OpenID Connect, issue 4 point 2). */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Get('sso')
  @Public()
  @ApiOperation({
    summary: 'Whether single sign-on is configured, and the name of the identity provider',
  })
  @ApiOkResponse({ type: SsoInfoDto })
  info(): SsoInfoDto {
    return this.oidc.info();
  }

  @Get('oidc/login')
  @Public()
  @ApiOperation({
    summary: 'Start single sign-on: redirects the browser to the identity provider',
    description:
      'Authorization Code flow with PKCE (S256), state and nonce; the pending sign-in is valid for 10 minutes and ' +
      'bound to this browser (cookie kk_oidc). Open it as a top-level navigation, not with fetch.',
  })
  @ApiFoundResponse({
    description: 'To the identity provider (or to the sign-in page when it is unreachable).',
  })
  @ApiResponse({
    status: 303,
    description:
      'Single sign-on is not configured and this is a page navigation: to the sign-in page with ' +
      '`sso-fout=unavailable`.',
  })
  @ApiNotFoundResponse({
    type: ProblemResponseDto,
    description: 'Single sign-on is not configured (callers that are not a page navigation).',
  })
  async login(
    @Query() query: OidcLoginQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.header('Cache-Control', 'no-store');
    const unavailable = this.oidc.whenDisabled(request, query.returnTo ?? null);
    if (unavailable) {
      void response.redirect(unavailable, 303);
      return;
    }
    const location = await this.oidc.start(query.returnTo, response);
    void response.redirect(location, 302);
  }

  @Get('oidc/callback')
  @Public()
  @ApiOperation({
    summary: 'The identity provider sends the browser back here (redirect URI)',
    description:
      'Redeems the code and checks the ID token. A known, active account whose e-mail address the provider ' +
      'verified gets a session (cookies kk_session and kk_csrf), then the browser goes to the next step: the ' +
      "account's own second factor unless the ID token shows multi-factor authentication (amr mfa/otp/hwk/sc or a " +
      'configured acr). Otherwise no session, and the browser goes to the sign-in page with `sso-fout=<code>`. ' +
      'An unknown, expired, reused or foreign `state` sends a page navigation (`Sec-Fetch-Mode: navigate`, or ' +
      'Accept preferring text/html) to the sign-in page with `sso-fout=expired`; other callers get a 400. Without ' +
      'single sign-on configured, a page navigation goes to the sign-in page with `sso-fout=unavailable`.',
  })
  @ApiQuery({ name: 'state', required: true, type: String })
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiResponse({
    status: 303,
    description: 'To the next sign-in step, or to the sign-in page with `sso-fout=<code>`.',
  })
  @ApiBadRequestResponse({
    type: ProblemResponseDto,
    description:
      'sso_state_invalid: unknown, expired, used already or started in another browser (callers that are not ' +
      'a page navigation; a browser is sent to the sign-in page instead).',
  })
  @ApiNotFoundResponse({
    type: ProblemResponseDto,
    description: 'Single sign-on is not configured (callers that are not a page navigation).',
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.header('Cache-Control', 'no-store');
    // Not configured: no pending sign-in to trust, so no return path either.
    const location = this.oidc.whenDisabled(request, null) ?? (await this.oidc.callback(request, response));
    // 303: the answer is spent (one-time state); the browser fetches the page it is sent to with GET.
    void response.redirect(location, 303);
  }
}
