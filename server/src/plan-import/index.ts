export { importPlanDocument, parsePlanTextIsolated, importErrorStatus, DEFAULT_MAX_BYTES, OCR_FLAG, type ImportResult, type ImportOptions, type ImportErrorCode, type ImportFailure } from './import-plan';
export { PARSE_LIMITS } from './isolated';
export { decodeText } from './decode';
export { sniffFormat, type DocFormat } from './extract';
