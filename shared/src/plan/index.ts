export { parsePlan, type ParsePlanOptions, type ParsePlanResult } from './parse-plan';
export { NotAPlanError, notAPlan, NOT_A_PLAN_MESSAGES, type NotAPlanCode } from './errors';
export { normalizeCode, findCode, parsePreamble } from './refs';
export { findAnniversaries, collectAnniversaries } from './anniversaries';
export { FORM_KINDS, formKinds } from './forms';
export { prepareLines, type Line } from './lines';
export { DEFAULT_NAMED_EVENTS, type NamedEvent } from '../time/index';
export { PLAN_LIMITS, LIMIT_MESSAGES, textLimitError, planLimitError, themeCount } from './limits';
