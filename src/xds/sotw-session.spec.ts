import type { DiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryRequest';
import type { DiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryResponse';
import { SotwSession } from './sotw-session';
import { CLUSTER, CLUSTER_LOAD_ASSIGNMENT } from './type-urls';
import { XdsClientState } from './xds-client-state';
import { XdsSnapshot } from './xds-snapshot';

function request(over: Partial<DiscoveryRequest__Output>): DiscoveryRequest__Output {
  return {
    version_info: '',
    node: null,
    resource_names: [],
    type_url: CLUSTER_LOAD_ASSIGNMENT,
    response_nonce: '',
    error_detail: null,
    resource_locators: [],
    ...over,
  };
}

const eds = (name: string, port: number) => ({
  type: CLUSTER_LOAD_ASSIGNMENT,
  name,
  body: { cluster_name: name, endpoints: [{ port }] },
});

describe('SotwSession', () => {
  let snapshot: XdsSnapshot;
  let client: XdsClientState;
  let sent: DiscoveryResponse[];
  let session: SotwSession;

  beforeEach(() => {
    snapshot = new XdsSnapshot();
    snapshot.apply(new Map([['a', [eds('a', 1)]]]));
    client = new XdsClientState(1, 'sotw', 'peer', 0, () => 42);
    sent = [];
    session = new SotwSession(snapshot, client, (r) => sent.push(r));
    snapshot.onChange((c) => session.changed(c));
  });

  it('answers a subscription, takes the ACK and pushes the next change', () => {
    session.request(request({ resource_names: ['a'] }));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.resources).toEqual([
      { '@type': CLUSTER_LOAD_ASSIGNMENT, cluster_name: 'a', endpoints: [{ port: 1 }] },
    ]);
    session.request(request({ resource_names: ['a'], response_nonce: '1', version_info: '1' }));
    expect(sent).toHaveLength(1);
    expect(client.info().types[0]).toMatchObject({ ackedVersion: '1', nack: null });

    snapshot.apply(new Map([['a', [eds('a', 2)]]]));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ version_info: '2', nonce: '2' });
  });

  it('records a NACK, does not resend the refused version, and ignores stale nonces', () => {
    session.request(request({ resource_names: ['a'] }));
    snapshot.apply(new Map([['a', [eds('a', 2)]]]));
    // An answer to nonce 1 after nonce 2 went out is stale: no ACK recorded from it.
    session.request(request({ resource_names: ['a'], response_nonce: '1', version_info: '1' }));
    expect(client.info().types[0]?.ackedVersion).toBeNull();
    session.request(
      request({
        resource_names: ['a'],
        response_nonce: '2',
        version_info: '1',
        error_detail: { code: 3, message: 'bad endpoints', details: [] },
      }),
    );
    expect(sent).toHaveLength(2);
    expect(client.info().types[0]?.nack).toEqual({
      version: '2',
      message: 'bad endpoints',
      at: 42,
    });
    snapshot.apply(new Map([['b', [eds('b', 3)]]]));
    expect(sent).toHaveLength(2);
  });

  it('serves every cluster to a wildcard CDS request and drops removed ones', () => {
    const cds = (name: string) => ({ type: CLUSTER, name, body: { name } });
    snapshot.apply(
      new Map([
        ['x', [cds('x')]],
        ['y', [cds('y')]],
      ]),
    );
    session.request(request({ type_url: CLUSTER }));
    expect(sent[0]?.resources).toHaveLength(2);
    snapshot.apply(new Map([['y', null]]));
    expect(sent[1]?.resources).toHaveLength(1);
  });

  it('reads an empty list after named clusters as unsubscribing, not as all of them', () => {
    const cds = (name: string) => ({ type: CLUSTER, name, body: { name } });
    snapshot.apply(
      new Map([
        ['x', [cds('x')]],
        ['y', [cds('y')]],
      ]),
    );
    session.request(request({ type_url: CLUSTER, resource_names: ['x'] }));
    session.request(request({ type_url: CLUSTER, response_nonce: '1', version_info: '2' }));
    expect(sent.map((r) => r.resources?.length)).toEqual([1, 0]);
  });
});
