import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { API_BASE_PATH, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { AccountsService } from './accounts.service';
import {
  AccountDto,
  AccountPageDto,
  CreateAccountDto,
  ListAccountsQueryDto,
  UpdateAccountDto,
} from './dto/account.dto';

@ApiTags('accounts')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequirePermission(Permission.accountManage)
  @ApiOperation({ summary: 'Accounts (beheerder)' })
  @ApiOkResponse({ type: AccountPageDto })
  list(@Query() query: ListAccountsQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.accountManage)
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string): Promise<AccountDto> {
    return this.accounts.get(id);
  }

  @Post()
  @RequirePermission(Permission.accountManage)
  @ApiOperation({
    summary: 'Create an account and e-mail its invitation link',
    description: 'The account stays `invited` until the link is used.',
  })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'duplicate_email' })
  async create(
    @Body() dto: CreateAccountDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountDto> {
    const account = await this.accounts.create(dto, principal, request);
    response.header('Location', `${API_BASE_PATH}/accounts/${account.id}`);
    return account;
  }

  @Patch(':id')
  @RequirePermission(Permission.accountManage)
  @ApiOperation({ summary: 'Change roles, scope, status; reset two-factor sign-in (lost phone)' })
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'own_account_lockout' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateAccountDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<AccountDto> {
    return this.accounts.update(id, dto, principal, request);
  }
}
