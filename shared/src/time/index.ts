export { canonVi, foldVi } from './fold';
export {
  parseDayDate,
  parsePartialDate,
  findDayDate,
  comparePartial,
  addDays,
  lastDayOfMonth,
  isValidYmd,
  ymd,
  type PartialDate,
  type Precision,
} from './dates';
export { DEFAULT_NAMED_EVENTS, findNamedEvent, type NamedEvent } from './named-events';
export { resolvePeriod, type PeriodContext, type ResolvedPeriod } from './period';
export {
  parseDate,
  parseVietnameseDate,
  parseZone,
  inferDayOrder,
  dateFromUrl,
  toVnIso,
  checkPlausible,
  VN_OFFSET_MIN,
  type ParsedDate,
  type DayOrder,
  type DateReadOptions,
  type PlausibilityOptions,
  type DatePlausibility,
} from './instant';
