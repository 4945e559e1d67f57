export { csvLine, parseCsv } from './csv';
export { foldKey } from './fold';
export { UNIT_KINDS, kindLabel, kindSlug } from './kinds';
export { UNIT_FIELDS, UNIT_HEADERS, findHeaderRow, matchHeaders, type HeaderMatch, type UnitField } from './headers';
export { normalizeWebsite, parseUnitSheet, splitWebsites, type ParsedSheet, type RowProblem, type UnitRowInput } from './rows';
export { planImport, treeOrder, unitIdFor, type ImportPlan, type PlanContext, type PlannedUnit, type RegistryUnit, type UnitChange } from './plan';
