import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { RegionMembershipEntity } from '../regions/region-membership.entity';
import { RegionTypeEntity } from '../regions/region-type.entity';
import { RegionEntity } from '../regions/region.entity';

/** Every entity of the schema; migrations must match them exactly (checked by schema-drift.int-spec). */
export const ENTITIES = [MunicipalityEntity, RegionTypeEntity, RegionEntity, RegionMembershipEntity];
