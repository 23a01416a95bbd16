export * from './content';
export * from './phone';
export * from './profile';
export * from './messages';
export * from './events';
export * from './errors';
export * from './sms';
export * from './lint';
