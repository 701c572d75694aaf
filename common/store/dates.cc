#include "common/store/dates.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/store/absl_compat.h"
#include "common/store/key_codec.h"
#include "common/util/digits.h"

namespace claims::store_internal {
namespace {

using claims::v1::Claim;
using claims::v1::DateField;

enum class Grain { kDay, kMonth, kYear };

struct ParsedDate {
  int year = 0;
  int month = 1;
  int day = 1;
  Grain grain = Grain::kYear;
  size_t consumed = 0;  // bytes of the input used
};


bool IsRealDay(int y, int m, int d) {
  const absl::CivilDay day(y, m, d);
  return day.year() == y && day.month() == m && day.day() == d;
}

// The longest valid "YYYY[-MM[-DD]]" prefix of `s`.
std::optional<ParsedDate> ParsePrefix(std::string_view s) {
  ParsedDate p;
  if (!ReadDigits(AbslView(s), 0, 4, &p.year) || p.year < 1) return std::nullopt;
  p.consumed = 4;
  int month = 0;
  if (s.size() > 4 && s[4] == '-' && ReadDigits(AbslView(s), 5, 2, &month) &&
      month >= 1 && month <= 12) {
    p.month = month;
    p.grain = Grain::kMonth;
    p.consumed = 7;
    int day = 0;
    if (s.size() > 7 && s[7] == '-' && ReadDigits(AbslView(s), 8, 2, &day) &&
        IsRealDay(p.year, month, day)) {
      p.day = day;
      p.grain = Grain::kDay;
      p.consumed = 10;
    }
  }
  return p;
}

DatePeriod ToPeriod(const ParsedDate& p) {
  const absl::CivilDay start(p.year, p.month, p.day);
  switch (p.grain) {
    case Grain::kDay:
      return {start, start + 1};
    case Grain::kMonth:
      return {start, absl::CivilDay(absl::CivilMonth(start) + 1)};
    case Grain::kYear:
      break;
  }
  return {start, absl::CivilDay(absl::CivilYear(start) + 1)};
}

absl::CivilDay PlusOneYear(absl::CivilDay day) {
  return absl::CivilDay(day.year() + 1, day.month(), day.day());
}

}  // namespace

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", static_cast<int>(day.year()),
                         day.month(), day.day());
}

absl::StatusOr<absl::CivilDay> ParseQueryDate(std::string_view value,
                                              std::string_view field) {
  std::optional<ParsedDate> p = ParsePrefix(value);
  const bool complete =
      p.has_value() && p->consumed == value.size() &&
      (value.size() == 4 || value.size() == 7 || value.size() == 10);
  if (!complete) {
    return absl::InvalidArgumentError(
        absl::StrCat(AbslView(field), ": malformed date \"",
                     absl::CHexEscape(AbslView(value)),
                     "\" (want YYYY, YYYY-MM or YYYY-MM-DD)"));
  }
  return absl::CivilDay(p->year, p->month, p->day);
}

std::optional<DatePeriod> ParseDatePeriod(std::string_view value) {
  std::optional<ParsedDate> p = ParsePrefix(value);
  if (!p.has_value()) return std::nullopt;
  return ToPeriod(*p);
}

std::optional<DatePeriod> ClaimPeriod(const Claim& claim, DateField field) {
  if (field == claims::v1::DATE_FIELD_PUBLISHED) {
    return ParseDatePeriod(claim.published());
  }
  std::optional<DatePeriod> event = ParseDatePeriod(claim.event_date());
  if (event.has_value()) {
    // A precise exclusive end from the extractor wins when it is plausible.
    if (claim.has_event_time() &&
        claim.event_time().start() == claim.event_date()) {
      std::optional<ParsedDate> end = ParsePrefix(claim.event_time().end());
      if (end.has_value() && end->grain == Grain::kDay &&
          end->consumed == claim.event_time().end().size()) {
        const absl::CivilDay end_day(end->year, end->month, end->day);
        if (end_day > event->start && end_day <= PlusOneYear(event->start)) {
          event->end = end_day;
        }
      }
    }
    return event;
  }
  if (field == claims::v1::DATE_FIELD_EVENT) return std::nullopt;
  return ParseDatePeriod(claim.published());
}

IndexedPeriod ClaimIndexedPeriod(const Claim& claim) {
  IndexedPeriod indexed;
  std::optional<DatePeriod> p =
      ClaimPeriod(claim, claims::v1::DATE_FIELD_EFFECTIVE);
  if (!p.has_value()) {
    indexed.start = indexed.end = std::string(kUnknownDate);
    return indexed;
  }
  indexed.start = FormatDate(p->start);
  indexed.end = FormatDate(p->end);
  const int64_t days = p->end - p->start;
  indexed.span = days <= 1    ? PeriodSpan::kDay
                 : days <= 31 ? PeriodSpan::kMonth
                              : PeriodSpan::kYear;
  return indexed;
}

absl::CivilDay EarliestOverlappingStart(absl::CivilDay from, PeriodSpan span) {
  switch (span) {
    case PeriodSpan::kDay:
      return from;
    case PeriodSpan::kMonth:
      return from - 30;
    case PeriodSpan::kYear:
      break;
  }
  // No period is longer than a year (Feb 29 normalizes forward, hence the
  // extra day).
  return absl::CivilDay(from.year() - 1, from.month(), from.day()) - 1;
}

}  // namespace claims::store_internal
