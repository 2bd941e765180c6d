import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREATE_MODES } from '../../../core/znode';

export class AclEntryDto {
  @ApiProperty({ enum: ['world', 'auth', 'digest', 'ip'] })
  scheme!: string;
  @ApiProperty({ example: 'anyone' })
  id!: string;
  @ApiProperty({ description: 'ZooKeeper permission letters', example: 'cdrwa' })
  perms!: string;
}

export class StatDto {
  @ApiProperty() czxid!: number;
  @ApiProperty() mzxid!: number;
  @ApiProperty() pzxid!: number;
  @ApiProperty({ description: 'ms since the epoch' }) ctime!: number;
  @ApiProperty({ description: 'ms since the epoch' }) mtime!: number;
  @ApiProperty() version!: number;
  @ApiProperty() cversion!: number;
  @ApiProperty() aversion!: number;
  @ApiProperty({ description: 'owning session id (decimal string), "0" if not ephemeral' })
  ephemeralOwner!: string;
  @ApiProperty() dataLength!: number;
  @ApiProperty() numChildren!: number;
}

export class CreateZnodeDto {
  @ApiPropertyOptional({ description: 'Node data in `encoding`' })
  data?: string;
  @ApiPropertyOptional({ enum: ['utf8', 'base64'], default: 'utf8' })
  encoding?: 'utf8' | 'base64';
  @ApiPropertyOptional({ enum: CREATE_MODES, default: 'persistent' })
  mode?: string;
  @ApiPropertyOptional({ description: 'Time to live for the -ttl modes' })
  ttlMs?: number;
  @ApiPropertyOptional({ description: 'Owner of an ephemeral node (or use X-Zoonest-Session)' })
  sessionId?: string;
  @ApiPropertyOptional({ type: [AclEntryDto], description: 'Defaults to world:anyone:cdrwa' })
  acl?: AclEntryDto[];
}

export class SetZnodeDto {
  @ApiPropertyOptional() data?: string;
  @ApiPropertyOptional({ enum: ['utf8', 'base64'], default: 'utf8' })
  encoding?: 'utf8' | 'base64';
  @ApiPropertyOptional({ description: 'Expected version; -1 or absent matches any' })
  version?: number;
}

export class SetAclDto {
  @ApiProperty({ type: [AclEntryDto] }) acl!: AclEntryDto[];
  @ApiPropertyOptional({ description: 'Expected ACL version (aversion); -1 matches any' })
  version?: number;
}

export class CreatedZnodeDto {
  @ApiProperty({ description: 'The real path, with any sequence suffix' }) path!: string;
  @ApiProperty({ type: StatDto }) stat!: StatDto;
}

export class ZnodeDto {
  @ApiProperty() path!: string;
  @ApiProperty() data!: string;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding!: string;
  @ApiProperty({ type: StatDto }) stat!: StatDto;
  @ApiProperty({ type: [String] }) children!: string[];
}

export class MultiOpDto {
  @ApiProperty({ enum: ['create', 'delete', 'setData', 'check'] }) op!: string;
  @ApiProperty() path!: string;
  @ApiPropertyOptional() data?: string;
  @ApiPropertyOptional({ enum: ['utf8', 'base64'] }) encoding?: string;
  @ApiPropertyOptional({ enum: CREATE_MODES }) mode?: string;
  @ApiPropertyOptional() version?: number;
  @ApiPropertyOptional() ttlMs?: number;
  @ApiPropertyOptional({ type: [AclEntryDto] }) acl?: AclEntryDto[];
}

export class MultiDto {
  @ApiProperty({ type: [MultiOpDto] }) ops!: MultiOpDto[];
}
