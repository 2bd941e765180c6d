import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import { webAppDir } from './web-app-dir';

/** Paths the server answers itself; the dashboard never shadows them. */
const SERVER_PREFIXES = ['/api', '/socket.io', '/healthz', '/readyz', '/metrics', '/commands'];

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the dashboard's single-page app at `/` (for GET and HEAD): its files, and index.html
 * for every other page address (the app routes in the browser). Hashed assets are cached for good.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly dir = webAppDir();
  private readonly files = this.dir
    ? serveStatic(this.dir, {
        index: false,
        setHeaders: (res, file) => {
          if (file.includes(`${sep}assets${sep}`))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      })
    : undefined;

  use(req: Request, res: Response, next: NextFunction): void {
    if (isServerPath(req.path)) {
      next();
      return;
    }
    const index = this.dir && join(this.dir, 'index.html');
    if (!this.files || !index || !existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The dashboard is not built: run `npm run build` (or `npm run build:web`).\n');
      return;
    }
    this.files(req, res, () => {
      if (extname(req.path) !== '') {
        res.status(404).type('text/plain').send('Not found\n');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
