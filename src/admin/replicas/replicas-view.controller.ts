import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ReplicaService } from '../../server/replica.service';
import type { ReplicasJson } from '../admin-api-types';
import { AdminAuthGuard } from '../auth/admin-auth.guard';

/** The replicas view: every server of the cluster, how far it has applied, who expires sessions. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/replicas')
export class ReplicasViewController {
  constructor(private readonly replica: ReplicaService) {}

  @Get()
  async list(): Promise<ReplicasJson> {
    const [rows, headZxid] = await Promise.all([
      this.replica.replicas(),
      this.replica.clusterHeadZxid(),
    ]);
    const standalone = !this.replica.clustered;
    return {
      headZxid,
      replicas: rows.map((r) => {
        const self = r.name === this.replica.name;
        const role = standalone ? 'standalone' : self ? this.replica.role : r.role;
        return {
          name: r.name,
          role,
          runsExpiry: role !== 'follower',
          self,
          httpUrl: r.httpUrl,
          zkAddress: r.zkAddress,
          appliedZxid: r.appliedZxid,
          lagTxns: Math.max(0, headZxid - r.appliedZxid),
          reportedSecondsAgo: Math.round(r.ageMs / 100) / 10,
        };
      }),
    };
  }
}
