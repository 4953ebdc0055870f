import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import { RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  FunctionInboxListDto,
  ReceiverProposalListDto,
  ReceiverProposalQueryDto,
} from './handoff-proposals.dto';
import { HandoffProposalsService } from './handoff-proposals.service';

@ApiTags('handoffs')
@Controller()
export class HandoffProposalsController {
  constructor(private readonly proposals: HandoffProposalsService) {}

  @Get('handoff-receiver-proposals')
  @RequirePermission(Permission.handoffWrite)
  @ApiOkResponse({
    type: ReceiverProposalListDto,
    description:
      "The receivers the wie-doet-wat matrix proposes for a path and the signal's gemeente, each with the matrix row and regional agreement it comes from.",
  })
  @ApiBadRequestResponse({
    type: ProblemResponseDto,
    description: 'Unknown path, form or target group, or a gemeente that does not exist.',
  })
  propose(
    @Query() query: ReceiverProposalQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReceiverProposalListDto> {
    return this.proposals.propose(principal, query);
  }

  @Get('handoff-function-inboxes')
  // handoff.inbox, not handoff.write: the receiver who forwards (an ontvanger may) chooses a function inbox too.
  // Every role that sends hand-offs also has the inbox (roles.ts), so senders keep the list.
  @RequirePermission(Permission.handoffInbox)
  @ApiOkResponse({
    type: FunctionInboxListDto,
    description:
      'The function inboxes a hand-off can be addressed to (receiver.inbox = region + function type): those an ' +
      'organisation holds today, with the holders whose inbox shows it. One nobody holds is refused on save and send.',
  })
  functionInboxes(@CurrentPrincipal() principal: Principal): Promise<FunctionInboxListDto> {
    return this.proposals.functionInboxes(principal);
  }
}
