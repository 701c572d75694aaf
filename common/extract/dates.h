// Civil-date arithmetic and ISO 8601 parsing for publication dates and
// TIMEX3 values ("2025-04-07", "2025-04", "2025").
#ifndef CLAIMS_COMMON_EXTRACT_DATES_H_
#define CLAIMS_COMMON_EXTRACT_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "claims/v1/claims.pb.h"

namespace claims {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

int64_t DaysFromCivil(int y, int m, int d);
CivilDate CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& d);
CivilDate AddDays(const CivilDate& d, int64_t n);
// Adds months to (year, month); day is clamped.
CivilDate AddMonths(const CivilDate& d, int n);
bool ValidDate(int y, int m, int d);
// The month (1-12) a word names, in full or abbreviated as news writes it
// ("January", "Jan", "Jan.", "Sept"), in any case; 0 for any other word.
int MonthOfWord(absl::string_view word);

std::string FormatDay(const CivilDate& d);    // 2025-04-07
std::string FormatMonth(const CivilDate& d);  // 2025-04
std::string FormatYear(int year);             // 2025

// Strict ISO 8601 date or date-time: YYYY-MM-DD, optionally followed by
// "T" or " " and hh:mm[:ss[.fff]] with an optional Z or +hh:mm offset.
std::optional<CivilDate> ParseIsoDate(absl::string_view s);

// Exclusive end date (YYYY-MM-DD) of a TIMEX3 value's period: day, month or
// year; "" when the value is not a calendar date.
std::string PeriodEnd(absl::string_view value);
// Granularity of a TIMEX3 date value.
claims::v1::Granularity GranularityOf(absl::string_view value);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_DATES_H_
