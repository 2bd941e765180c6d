import { ZkCode } from '../../../core/zk-code';

/** The wire codes a malformed request is answered with, as ZooKeeper answers them. */
export type JuteErrorCode = ZkCode.MarshallingError | ZkCode.BadArguments | ZkCode.Unimplemented;

/** The request a body belonged to, once its header was read: the reply can then carry the code. */
export interface FailedRequest {
  xid: number;
  opCode: number;
}

/**
 * Input the codec cannot decode (or a value it cannot encode). Without `request` the frame is
 * garbage and the connection should be closed; with it the client gets a reply with `code`.
 */
export class JuteError extends Error {
  override readonly name = 'JuteError';

  constructor(
    message: string,
    readonly code: JuteErrorCode = ZkCode.MarshallingError,
    readonly request?: FailedRequest,
  ) {
    super(message);
  }

  static badArguments(message: string): JuteError {
    return new JuteError(message, ZkCode.BadArguments);
  }

  /** The same error, tied to the request whose body failed. */
  inRequest(request: FailedRequest): JuteError {
    return new JuteError(this.message, this.code, request);
  }
}
