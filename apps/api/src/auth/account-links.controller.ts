import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { Public, RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { AccountLinksService } from './account-links.service';
import {
  CreateInvitationDto,
  InvitationDto,
  RequestPasswordResetDto,
  SetPasswordDto,
} from './dto/account.dto';

@ApiTags('accounts')
@ApiBadRequestResponse({ type: ProblemResponseDto, description: 'Invalid input, or weak_password.' })
@Controller()
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Post('invitations')
  @RequirePermission(Permission.accountManage)
  @ApiOperation({
    summary: 'E-mail a new invitation link to an invited account (earlier links stop working)',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'account_already_active' })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'No account with this id.' })
  invite(
    @Body() dto: CreateInvitationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<InvitationDto> {
    return this.links.invite(dto.accountId, principal, request);
  }

  @Post('invitations/:token/accept')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'Accept an invitation by choosing a password; then sign in',
    description: 'The token comes from the link in the e-mail (after #).',
  })
  @ApiNoContentResponse()
  @ApiGoneResponse({ type: ProblemResponseDto, description: 'invalid_link: unknown, expired or used.' })
  accept(@Param('token') token: string, @Body() dto: SetPasswordDto, @Req() request: Request): Promise<void> {
    return this.links.acceptInvitation(token, dto.password, request);
  }

  @Post('password-resets')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Ask for a password-reset link',
    description: 'Always 202: the answer does not tell whether the address has an account.',
  })
  @ApiAcceptedResponse()
  @ApiTooManyRequestsResponse({ type: ProblemResponseDto, description: 'sign_in_throttled' })
  requestReset(@Body() dto: RequestPasswordResetDto, @Req() request: Request): Promise<void> {
    return this.links.requestReset(dto.email, request);
  }

  @Post('password-resets/:token/complete')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Set a new password with a reset link; ends every session of the account' })
  @ApiNoContentResponse()
  @ApiGoneResponse({ type: ProblemResponseDto, description: 'invalid_link: unknown, expired or used.' })
  completeReset(
    @Param('token') token: string,
    @Body() dto: SetPasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    return this.links.completeReset(token, dto.password, request);
  }
}
