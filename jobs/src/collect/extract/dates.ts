// Date parsing is pure and lives in shared/src/time; the collector reads it from here.
export {
  parseDate, parseVietnameseDate, parseZone, inferDayOrder, dateFromUrl, toVnIso, checkPlausible, VN_OFFSET_MIN,
  type ParsedDate, type DayOrder, type DateReadOptions, type PlausibilityOptions, type DatePlausibility,
} from '@tdtt/shared/time';
