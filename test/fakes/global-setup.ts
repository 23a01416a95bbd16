// Starts the carrier fakes (Node HTTP servers on free ports) before the carriers test project
// and hands their URLs to the Worker's bindings through vitest's provide/inject.
import type { TestProject } from 'vitest/node';
import { startRbmFake } from './rbm';
import { startTwilioFake } from './twilio';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeRbmUrl: string;
    fakeTwilioUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rbm = await startRbmFake();
  const twilio = await startTwilioFake();
  project.provide('fakeRbmUrl', rbm.url);
  project.provide('fakeTwilioUrl', twilio.url);
  return async () => {
    await rbm.close();
    await twilio.close();
  };
}
