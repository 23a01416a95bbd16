/** Reads the contract's vars and secrets (architecture.md) with their documented defaults. */
export interface Config {
    rcsProvider: 'sandbox' | 'rbm' | 'twilio';
    smsProvider: 'sandbox' | 'twilio';
    publicUrl: string;
    fallbackSeconds: number;
    rbmApiBase: string;
    googleTokenUrl: string;
    twilioApiBase: string;
}
export declare function config(env: Env): Config;
