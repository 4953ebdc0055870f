import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SessionStage } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { SignedIn } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { AccountSelfService } from './account-self.service';
import {
  ChangePasswordDto,
  ConfirmTotpDto,
  EndedSessionsDto,
  RecoveryCodesDto,
  SessionListDto,
  TotpEnrolmentDto,
} from './dto/account-self.dto';

/** A session that must enrol may do only that (and sign out): the enrolment routes also accept it. */
const COMPLETE_OR_ENROLLING = [SessionStage.complete, SessionStage.enrolmentRequired];

@ApiTags('account')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller('account')
export class AccountController {
  constructor(private readonly self: AccountSelfService) {}

  @Get('sessions')
  @SignedIn()
  @ApiOperation({ summary: 'My sessions (devices), the current one marked' })
  @ApiOkResponse({ type: SessionListDto })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionListDto> {
    return this.self.listSessions(principal);
  }

  @Delete('sessions')
  @SignedIn()
  @ApiOperation({ summary: 'End all my other sessions' })
  @ApiOkResponse({ type: EndedSessionsDto })
  endOthers(@CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<EndedSessionsDto> {
    return this.self.endOtherSessions(principal, request);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'End one of my sessions' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  endSession(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Req() request: Request,
  ): Promise<void> {
    return this.self.endSession(principal, id, request);
  }

  @Post('password')
  @HttpCode(204)
  @SignedIn({ stages: COMPLETE_OR_ENROLLING })
  @ApiOperation({ summary: 'Change my password (ends my other sessions)' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({
    type: ProblemResponseDto,
    description:
      '`sign_in_throttled`: too many wrong current passwords; `Retry-After` says when to try again.',
  })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    return this.self.changePassword(principal, dto.currentPassword, dto.newPassword, request);
  }

  @Post('totp/enrolment')
  @HttpCode(200)
  @SignedIn({ stages: COMPLETE_OR_ENROLLING })
  @ApiOperation({ summary: 'Start enrolling an authenticator app: secret, otpauth URI and QR code' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  startEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<TotpEnrolmentDto> {
    return this.self.startTotpEnrolment(principal, request);
  }

  @Post('totp/enrolment/confirm')
  @HttpCode(200)
  @SignedIn({ stages: COMPLETE_OR_ENROLLING })
  @ApiOperation({
    summary: 'Confirm the enrolment with a first code; returns ten recovery codes (shown once)',
    description:
      'A session waiting for enrolment becomes complete (new session and CSRF tokens); my other sessions end.',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'two_factor_not_enrolled: no enrolment was started.',
  })
  confirmEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ConfirmTotpDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecoveryCodesDto> {
    return this.self.confirmTotpEnrolment(principal, dto.code, request, response);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Replace my recovery codes with ten new ones (shown once)' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'two_factor_not_enrolled' })
  recoveryCodes(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<RecoveryCodesDto> {
    return this.self.regenerateRecoveryCodes(principal, request);
  }
}
