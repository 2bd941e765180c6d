import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { errorToJson } from '../json/error-json';
import { HTTP_STATUS } from './http-status';

/** body-parser marks its failures with a `type`; these are the client's fault. */
const BODY_ERRORS: Record<string, ZkError> = {
  'entity.parse.failed': ZkError.badArguments('the body is not valid JSON'),
  'entity.too.large': new ZkError(
    ZkCode.DataTooLarge,
    undefined,
    'the request body is too large (ZOONEST_JUTE_MAXBUFFER)',
  ),
  'encoding.unsupported': ZkError.badArguments('unsupported body encoding'),
  'charset.unsupported': ZkError.badArguments('unsupported body charset'),
};

function asZkError(err: unknown): { error: ZkError; status: number } {
  if (err instanceof ZkError)
    return { error: err, status: HTTP_STATUS[err.code] ?? HttpStatus.INTERNAL_SERVER_ERROR };
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && BODY_ERRORS[type]) {
    const error = BODY_ERRORS[type];
    return { error, status: HTTP_STATUS[error.code] ?? HttpStatus.BAD_REQUEST };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code =
      status === Number(HttpStatus.NOT_FOUND) ? ZkCode.Unimplemented : ZkCode.BadArguments;
    return { error: new ZkError(code, undefined, err.message), status };
  }
  return {
    error: new ZkError(ZkCode.SystemError, undefined, 'internal error'),
    status: HttpStatus.INTERNAL_SERVER_ERROR,
  };
}

/** Every REST error leaves as `{error: {code, name, message}}` with a fitting status. */
@Catch()
export class ZkExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Rest');

  catch(err: unknown, host: ArgumentsHost): void {
    const { error, status } = asZkError(err);
    if (status >= 500)
      this.log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ error: errorToJson(error) });
  }
}
