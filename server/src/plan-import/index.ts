export { importPlanDocument, importErrorStatus, documentText, DEFAULT_MAX_BYTES, type ImportResult, type ImportOptions, type ImportErrorCode, type ImportFailure } from './import-plan';
export { decodeText } from './decode';
export { sniffFormat, type DocFormat } from './extract';
