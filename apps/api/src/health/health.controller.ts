import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Public } from '../common/access.decorator';
import { HealthService } from './health.service';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ enum: ['ok', 'down'] })
  database!: 'ok' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponseDto, description: 'The portal and its database answer.' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'The database cannot be reached.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponseDto> {
    const databaseUp = await this.health.databaseAnswers();
    response.header('Cache-Control', 'no-store');
    if (!databaseUp) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', database: 'down' };
    }
    return { status: 'ok', database: 'ok' };
  }
}
