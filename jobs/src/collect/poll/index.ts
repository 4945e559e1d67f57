export { DEFAULT_POLL_POLICY, failureWeight, nextPollAt, publishingIntervalMs, type NextPollInput, type PollPolicy } from './poll-policy';
