export * from './types';
export { request, readCookie, buildPath, type Fetch } from './client';
export {
  ApiError,
  FORBIDDEN_MESSAGE,
  NOT_FOUND_MESSAGE,
  apiErrorMessage,
  rethrowForLoad,
  guardLoad,
  messageForAction,
  signInPath,
} from './errors';
export * from './auth';
export * from './health';
export * from './plans';
export * from './coverage';
export * from './units';
export * from './posts';
export * from './decisions';
export * from './submissions';
export * from './jobs';
export * from './themes';
export * from './anniversaries';
export * from './sources';
export * from './alerts';
export * from './search';
export * from './users';
export * from './audit';
export * from './registry';
