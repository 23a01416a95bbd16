// The Twilio-RCS carriers project: RCS_PROVIDER=twilio (RCS through a Messaging Service, Twilio
// doing the SMS fallback itself) against the same local fakes.
import { carrierProject } from './vitest.carriers.config.ts';

export default carrierProject('carriers-twilio', ['test/carriers-twilio/**/*.test.ts'], { RCS_PROVIDER: 'twilio' });
