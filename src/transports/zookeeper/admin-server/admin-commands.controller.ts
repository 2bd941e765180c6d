import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Settings } from '../../../server/settings';
import { SETTINGS } from '../../../server/tokens';
import { ZookeeperServer } from '../zookeeper-server';
import { adminCommandNames, runAdminCommand } from './admin-commands';
import { longJson } from './long-json';

/**
 * ZooKeeper's AdminServer on the HTTP port: GET /commands/{name} answers its JSON, for the
 * commands whose four-letter word the whitelist allows; GET /commands links every command.
 */
@ApiExcludeController()
@Controller('commands')
export class AdminCommandsController {
  constructor(
    private readonly server: ZookeeperServer,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get()
  index(@Res() res: Response): void {
    const links = adminCommandNames().map((n) => `<a href="/commands/${n}">${n}</a>\n<br/>\n`);
    res.type('text/html').send(links.join(''));
  }

  @Get(':name')
  run(@Param('name') name: string, @Res() res: Response): void {
    const answer = runAdminCommand(name, this.server, this.settings.fourLetterWords);
    res.status(answer.status).type('application/json').send(longJson(answer.body));
  }
}
