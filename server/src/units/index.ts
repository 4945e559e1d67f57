export { readSheetFile, SheetFileError, MAX_SHEET_BYTES } from './sheet-file';
export { importUnits, planFromGrid, oneTimePassword, type ImportOutcome } from './import';
export { createUnit, editUnit, retireUnit, mergeUnits, RegistryError, type UnitEdit } from './changes';
export { registryGrid, registryXlsx } from './export';
