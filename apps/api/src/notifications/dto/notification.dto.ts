import { HANDOFF_NOTIFICATION_KINDS, type HandoffNotificationKind } from '@ketenkaart/shared-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/** A notice about one hand-off: its kind and pseudonymous case reference, never case details. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: HANDOFF_NOTIFICATION_KINDS }) kind!: HandoffNotificationKind;
  @ApiProperty({ format: 'uuid' }) handoffId!: string;
  @ApiProperty({ example: 'KK-2026-7QX4-M2PB' }) caseReference!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Matching notifications (all, or unread with `unread=true`).' }) total!: number;
  @ApiProperty({ description: 'Unread notifications of the caller.' }) unread!: number;
}

export class MarkAllReadResultDto {
  @ApiProperty({ description: 'How many notifications were marked read.' }) marked!: number;
}
