import type { DeltaDiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryRequest';
import type { DeltaDiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryResponse';
import { DeltaSession } from './delta-session';
import { CLUSTER } from './type-urls';
import { XdsClientState } from './xds-client-state';
import { XdsSnapshot } from './xds-snapshot';

function request(over: Partial<DeltaDiscoveryRequest__Output>): DeltaDiscoveryRequest__Output {
  return {
    node: null,
    type_url: CLUSTER,
    resource_names_subscribe: [],
    resource_names_unsubscribe: [],
    initial_resource_versions: {},
    response_nonce: '',
    error_detail: null,
    resource_locators_subscribe: [],
    resource_locators_unsubscribe: [],
    ...over,
  };
}

const cds = (name: string, timeout = 1) => ({ type: CLUSTER, name, body: { name, timeout } });
const names = (r: DeltaDiscoveryResponse | undefined) => r?.resources?.map((x) => x.name);

describe('DeltaSession', () => {
  let snapshot: XdsSnapshot;
  let sent: DeltaDiscoveryResponse[];
  let session: DeltaSession;

  beforeEach(() => {
    snapshot = new XdsSnapshot();
    snapshot.apply(
      new Map([
        ['a', [cds('a')]],
        ['b', [cds('b')]],
      ]),
    );
    sent = [];
    const client = new XdsClientState(1, 'delta', 'peer', 0, () => 0);
    session = new DeltaSession(snapshot, client, (r) => sent.push(r));
    snapshot.onChange((c) => session.changed(c));
  });

  it('sends only what changed, and names what went away', () => {
    session.request(request({}));
    expect(names(sent[0])).toEqual(['a', 'b']);
    snapshot.apply(new Map([['a', [cds('a', 2)]]]));
    expect(names(sent[1])).toEqual(['a']);
    snapshot.apply(new Map([['b', null]]));
    expect(sent[2]).toMatchObject({ resources: [], removed_resources: ['b'] });
  });

  it('skips resources a reconnecting client already holds, and reports unknown names', () => {
    const version = snapshot.get(CLUSTER, 'a')?.version ?? '';
    session.request(
      request({
        resource_names_subscribe: ['a', 'nope'],
        initial_resource_versions: { a: version },
      }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ resources: [], removed_resources: ['nope'] });
  });
});
