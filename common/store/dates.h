// Dates as the store orders and filters by them.
//
// A claim's date is a period [start, end): "2025-04-07" is one day,
// "2025-04" a month, "2025" a year. Indexes order claims by the start of the
// period of their effective date (the event date when the text gave one,
// else the publication date). A query range [from, to) matches every claim
// whose period overlaps it. No period is longer than a year, which bounds
// how far before `from` a range scan has to start.
#ifndef CLAIMS_COMMON_STORE_DATES_H_
#define CLAIMS_COMMON_STORE_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "claims/v1/claims.pb.h"
#include "common/store/key_codec.h"

namespace claims::store_internal {

// Half-open period of days [start, end).
struct DatePeriod {
  absl::CivilDay start;
  absl::CivilDay end;
};

// "YYYY-MM-DD" (years 1..9999).
std::string FormatDate(absl::CivilDay day);

// Strict parse of a query date "YYYY", "YYYY-MM" or "YYYY-MM-DD" to the first
// day of its period. INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<absl::CivilDay> ParseQueryDate(std::string_view value,
                                              std::string_view field);

// Lenient parse of a stored date (TIMEX3 value or ISO date-time): the
// longest valid "YYYY[-MM[-DD]]" prefix gives the period, so "2025-04-07T10:00"
// is a day, "2025-Q1" the year 2025. nullopt when not even a year parses.
std::optional<DatePeriod> ParseDatePeriod(std::string_view value);

// The period of `claim` for `field` (UNSPECIFIED = EFFECTIVE); nullopt when
// the claim has no such date. EVENT uses claim.event_time.end when it
// describes the same date and is no more than a year long.
std::optional<DatePeriod> ClaimPeriod(const claims::v1::Claim& claim,
                                      claims::v1::DateField field);

// A claim's effective period as the indexes store it.
struct IndexedPeriod {
  std::string start;  // "YYYY-MM-DD", the sort key's date; kUnknownDate
  std::string end;    // "YYYY-MM-DD", exclusive; kUnknownDate
  PeriodSpan span = PeriodSpan::kDay;
};
IndexedPeriod ClaimIndexedPeriod(const claims::v1::Claim& claim);

// The earliest start of a period of class `span` that can still overlap a
// range starting at `from`.
absl::CivilDay EarliestOverlappingStart(absl::CivilDay from, PeriodSpan span);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_DATES_H_
