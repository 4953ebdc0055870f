import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { API_BASE_PATH, ErrorCode, HANDOFF_PATHS, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { RequirePermission, SignedIn } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  CreateHandoffDto,
  HandoffDetailDto,
  HandoffListQueryDto,
  HandoffPageDto,
  HandoffPathListDto,
  HandoffTransitionDto,
  UpdateHandoffDto,
} from './dto/handoff.dto';
import { HandoffsService } from './handoffs.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

@ApiTags('handoffs')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description:
    'Invalid input (`invalidParams` names each field); `identifying_data` when free text holds a BSN, date, phone number, e-mail address, postcode with house number or IBAN.',
})
@Controller()
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @Get('handoff-paths')
  @SignedIn()
  @ApiOkResponse({
    type: HandoffPathListDto,
    description: 'The catalogue of hand-off paths (consent, exemptions, deadlines).',
  })
  paths(): HandoffPathListDto {
    return {
      items: HANDOFF_PATHS.map((path) => ({
        ...path,
        legalBasisExemptSenderTypes: [...path.legalBasisExemptSenderTypes],
        receiverTypes: [...path.receiverTypes],
      })),
    };
  }

  @Post('handoffs')
  @RequirePermission(Permission.handoffWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry-safe creation: the same key and body return the first hand-off again (8–200 characters).',
  })
  @ApiCreatedResponse({
    type: HandoffDetailDto,
    description: 'Created as a concept (or the one created earlier with this key).',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemResponseDto,
    description: '`idempotency_key_reused`: the key came with another body.',
  })
  async create(
    @Body() dto: CreateHandoffDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HandoffDetailDto> {
    // Read from the request, not with @Headers(): that would document a second, required, lower-case parameter.
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : undefined;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new ProblemException(
        400,
        ErrorCode.validationFailed,
        'Idempotency-Key must be 8–200 letters, digits or . _ : -.',
        [
          {
            name: 'Idempotency-Key',
            code: 'pattern',
            reason: 'Idempotency-Key must be 8–200 letters, digits or . _ : -.',
          },
        ],
      );
    const { handoff, replayed } = await this.handoffs.create(principal, dto, idempotencyKey);
    response.header('Location', `${API_BASE_PATH}/handoffs/${handoff.id}`);
    if (replayed) response.header('Idempotent-Replayed', 'true');
    return handoff;
  }

  @Get('handoffs/inbox')
  @RequirePermission(Permission.handoffInbox)
  @ApiOkResponse({
    type: HandoffPageDto,
    description: "Hand-offs addressed to the caller's organisation or a function inbox it holds.",
  })
  inbox(
    @Query() query: HandoffListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoffPageDto> {
    return this.handoffs.inbox(principal, query);
  }

  @Get('handoffs/outbox')
  @RequirePermission(Permission.handoffWrite)
  @ApiOkResponse({
    type: HandoffPageDto,
    description: "Hand-offs the caller's organisation created (concepts included).",
  })
  outbox(
    @Query() query: HandoffListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoffPageDto> {
    return this.handoffs.outbox(principal, query);
  }

  @Get('handoffs/:id')
  @SignedIn()
  @ApiOkResponse({
    type: HandoffDetailDto,
    description: 'Full for both organisations; status view for the ketenregisseur.',
  })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'Unknown, or not visible to the caller.' })
  @ApiForbiddenResponse({ type: ProblemResponseDto, description: 'The role sees no single hand-offs.' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<HandoffDetailDto> {
    return this.handoffs.get(principal, id);
  }

  @Patch('handoffs/:id')
  @RequirePermission(Permission.handoffWrite)
  @ApiOkResponse({ type: HandoffDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: '`version_conflict`, or `handoff_not_editable` after sending.',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateHandoffDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoffDetailDto> {
    return this.handoffs.update(principal, id, dto);
  }

  @Post('handoffs/:id/transitions')
  @HttpCode(200)
  @SignedIn()
  @ApiOkResponse({ type: HandoffDetailDto, description: 'The hand-off after the move, with its timeline.' })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: '`version_conflict` (someone moved it first) or `transition_not_allowed` from this state.',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemResponseDto, description: '`consent_required` on send.' })
  transition(
    @Param('id') id: string,
    @Body() dto: HandoffTransitionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoffDetailDto> {
    return this.handoffs.transition(principal, id, dto);
  }
}
