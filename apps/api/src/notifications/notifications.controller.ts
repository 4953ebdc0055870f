import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { MarkAllReadResultDto, NotificationListQueryDto, NotificationPageDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/**
 * A signed-in account whose role sends, receives or oversees hand-offs reads its own notifications (the service
 * checks the role); nobody sees another's.
 */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({
    type: NotificationPageDto,
    description: 'Own notifications, newest first, with the unread count.',
  })
  list(
    @Query() query: NotificationListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(principal, query);
  }

  @Post('mark-all-read')
  @SignedIn()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkAllReadResultDto })
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkAllReadResultDto> {
    return this.notifications.markAllRead(principal);
  }

  @Post(':id/read')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked read (again: no change).' })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'Unknown, or not the caller’s.' })
  async markRead(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.notifications.markRead(principal, id);
  }
}
