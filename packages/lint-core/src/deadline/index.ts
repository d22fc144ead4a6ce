// Working-day deadlines (SPEC §5): calendar, arithmetic, profile tables, computation.
export { CalendarGapError, loadCalendar, buildCalendar, readCalendarFile, calendarFileSchema, shippedCalendarFile, type Calendar, type CalendarFile, type YearInfo } from './calendar.js';
export { addWorkingDays, isWorkingDay, workingDaysBetween, nextWorkingMorning, type DayInput, type WorkingClock } from './arith.js';
export { deadlineTableSchema, conventionsSchema, dueSchema, typesOf, type DeadlineTable, type DeadlineEvent, type Conventions, type DueSpec } from './table.js';
export {
  computeWithTable,
  timeLeft,
  formatMinutes,
  deadlinesToJson,
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
