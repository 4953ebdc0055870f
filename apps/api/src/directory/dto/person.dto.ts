import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DirectoryListQueryDto, emptyToNull, RefDto, trim, UpkeepDto } from './common.dto';

const present = (_object: object, value: unknown) => value !== undefined;

class PersonFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'email', example: 'k.regisseur@example.org' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsEmail({}, { message: 'workEmail must be an e-mail address' })
  @MaxLength(254)
  workEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+31 20 123 4567' })
  @IsOptional()
  @Transform(emptyToNull)
  @Matches(/^[+0-9][0-9 ()-]{2,39}$/, { message: 'workPhone must be a phone number such as +31 20 123 4567' })
  workPhone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(100)
  externalKey?: string | null;
}

export class CreatePersonDto extends PersonFieldsDto {
  @ApiProperty({ example: 'Karin Ketenregisseur (fictief)', minLength: 2, maxLength: 160 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name!: string;
}

export class UpdatePersonDto extends PersonFieldsDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ minLength: 2, maxLength: 160 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name?: string;
}

export class ListPeopleQueryDto extends DirectoryListQueryDto {
  @ApiPropertyOptional({
    description: 'Name or work e-mail; accent/case-folded, typo tolerant.',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisation must be an organisation id (UUID)' })
  organisation?: string;
}

export class PersonFunctionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() functionType!: string;
  @ApiProperty({ description: 'Region or gemeente name.' }) scopeName!: string;
  @ApiProperty() current!: boolean;
}

export class PersonSummaryDto extends UpkeepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) workEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone!: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) organisation!: RefDto | null;
}

export class PersonDetailDto extends PersonSummaryDto {
  @ApiProperty({ nullable: true, type: String }) externalKey!: string | null;
  @ApiProperty({ type: [PersonFunctionDto], description: 'Functions held (not archived), current and past.' })
  functions!: PersonFunctionDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PersonPageDto {
  @ApiProperty({ type: [PersonSummaryDto] }) items!: PersonSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
