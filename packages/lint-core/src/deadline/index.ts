// Working-day deadlines (SPEC §5): calendar, arithmetic, profile tables, computation.
export { CalendarGapError, loadCalendar, buildCalendar, recordingCalendar, provisionalHolidays, type CalendarOptions, type RecordingCalendar, readCalendarFile, calendarFileSchema, shippedCalendarFile, type Calendar, type CalendarFile, type YearInfo } from './calendar.js';
export { addWorkingDays, isWorkingDay, workingDaysBetween, nextWorkingMorning, type DayInput, type WorkingClock } from './arith.js';
export { deadlineTableSchema, conventionsSchema, dueSchema, typesOf, type DeadlineTable, type DeadlineEvent, type Conventions, type DueSpec } from './table.js';
export {
  computeWithTable,
  timeLeft,
  formatMinutes,
  deadlinesToJson,
  provisionalOf,
  provisionalText,
  type Provisional,
  parseRequestType,
  parseDispatch,
  conventionNotes,
  DeadlineInputError,
  TYPE_NAMES,
  type ComputeDeadlinesInput,
  type DeadlineEntry,
  type DeadlineResult,
  type ConventionsOut,
} from './compute.js';
export { statutoryHolidays, hasStatutoryRule, PROVISIONAL_MARK, STATUTORY_BASIS, STATUTORY_FIRST_YEAR, type StatutoryHoliday } from './statutory.js';
