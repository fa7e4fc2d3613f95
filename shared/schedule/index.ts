// The scheduling rules in one import.
export { splitWindow, MAX_CHAIN_LINKS, type SplitWindow, type WindowLink } from './split-window.js';
export {
  occurrences,
  occurrenceOn,
  notAnOccurrence,
  parseDaysOfWeek,
  validateSeries,
  localDate,
  parseDate,
  type DstAdjustment,
  type IsoWeekday,
  type Occurrence,
  type OccurrenceOverride,
  type Series,
  type SeriesProblem,
} from './series.js';
export {
  withinReach,
  emptyPlans,
  type PlannedLink,
  type PlannedLinkStatus,
  type PlannedRecording,
  type PlansDocument,
  type StoredSeries,
} from './plans.js';
export { coveringEntry, coveringTask } from './covering.js';
export {
  parseImportCsv,
  readCsvRecords,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  type ImportOptions,
  type ImportProblem,
  type ImportRow,
  type ParsedImport,
} from './import-csv.js';
