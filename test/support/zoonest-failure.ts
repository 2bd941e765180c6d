import { ZoonestError } from '@zoonest/client';

/** The ZoonestError `work` fails with; anything else (or success) fails the test. */
export async function failure(work: Promise<unknown>): Promise<ZoonestError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof ZoonestError) return err;
    throw err;
  }
  throw new Error('expected a ZoonestError');
}
