import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OpenSessionDto {
  @ApiPropertyOptional({
    description: 'Requested timeout; clamped to the server minimum and maximum',
    example: 10000,
  })
  timeoutMs?: number;
}

export class SessionDto {
  @ApiProperty({
    description: '64-bit session id as a decimal string',
    example: '72057594037927937',
  })
  sessionId!: string;
  @ApiProperty({ description: 'Base64 password; send `X-Zoonest-Session: {sessionId}:{password}`' })
  password!: string;
  @ApiProperty({ description: 'Negotiated timeout in milliseconds' })
  timeoutMs!: number;
}

export class AddAuthDto {
  @ApiProperty({ example: 'digest' })
  scheme!: string;
  @ApiProperty({ example: 'user:password' })
  credentials!: string;
}
