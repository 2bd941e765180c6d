import type { Request } from 'express';
import { ZkError } from '../../core/zk-error';

export const ZNODES_ROUTE = '/api/v1/znodes';

/** The znode path of a `/api/v1/znodes/...` URL, each segment percent-decoded. */
export function znodePath(req: Request, route = ZNODES_ROUTE): string {
  const url = req.originalUrl.split('?')[0] ?? '';
  const rest = url.slice(route.length);
  if (rest === '' || rest === '/') return '/';
  try {
    return rest
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    throw ZkError.badArguments('the path is not valid percent-encoding', rest);
  }
}
