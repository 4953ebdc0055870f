import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SessionStage } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Public, SignedIn } from '../common/access.decorator';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { AuthService } from './auth.service';
import { SecondFactorDto, SessionInfoDto, SignInDto } from './dto/auth.dto';

const ANY_STAGE = [SessionStage.complete, SessionStage.secondFactorRequired, SessionStage.enrolmentRequired];

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in with e-mail address and password',
    description:
      'Starts a new session (cookies kk_session and kk_csrf). `stage` says what is still needed: the second factor, ' +
      'or enrolment of an authenticator app for roles that require one.',
  })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiUnauthorizedResponse({
    type: ProblemResponseDto,
    description: 'invalid_credentials: the same for an unknown address.',
  })
  @ApiTooManyRequestsResponse({
    type: ProblemResponseDto,
    description: 'sign_in_throttled; wait Retry-After seconds.',
  })
  signIn(
    @Body() dto: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionInfoDto> {
    return this.auth.signIn(dto, request, response);
  }

  @Post('sign-in/totp')
  @HttpCode(200)
  @SignedIn({ stages: [SessionStage.secondFactorRequired] })
  @ApiOperation({
    summary: 'Second step: the authenticator code or a recovery code',
    description: 'Renews the session token and the CSRF token.',
  })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiBadRequestResponse({ type: ProblemResponseDto, description: 'invalid_second_factor' })
  @ApiTooManyRequestsResponse({ type: ProblemResponseDto, description: 'sign_in_throttled' })
  secondFactor(
    @Body() dto: SecondFactorDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionInfoDto> {
    return this.auth.completeSecondFactor(dto, request, response);
  }

  @Post('sign-out')
  @HttpCode(204)
  @SignedIn({ stages: ANY_STAGE })
  @ApiOperation({ summary: 'End this session on the server and clear its cookies' })
  @ApiNoContentResponse()
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    return this.auth.signOut(request, response);
  }

  @Get('session')
  @Public()
  @ApiOperation({
    summary: 'Who am I: account, stage, permissions and the CSRF token (authenticated false for the public)',
  })
  @ApiOkResponse({ type: SessionInfoDto })
  session(@Req() request: Request): SessionInfoDto {
    return this.auth.current(request);
  }
}
