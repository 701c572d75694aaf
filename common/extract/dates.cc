#include "common/extract/dates.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "common/util/digits.h"

namespace claims {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int MonthOfWord(absl::string_view word) {
  static constexpr absl::string_view kFull[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string lower = absl::AsciiStrToLower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (lower == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (lower == kFull[m] || (lower.size() == 3 && kFull[m].substr(0, 3) == lower)) return m + 1;
  }
  return 0;
}

bool ValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= DaysInMonth(y, m);
}

int Weekday(const CivilDate& d) {
  int64_t days = DaysFromCivil(d.year, d.month, d.day);
  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

CivilDate AddDays(const CivilDate& d, int64_t n) {
  return CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + n);
}

CivilDate AddMonths(const CivilDate& d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  CivilDate out{total / 12, total % 12 + 1, d.day};
  if (out.day > DaysInMonth(out.year, out.month)) {
    out.day = DaysInMonth(out.year, out.month);
  }
  return out;
}

std::string FormatDay(const CivilDate& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year, d.month, d.day);
}
std::string FormatMonth(const CivilDate& d) {
  return absl::StrFormat("%04d-%02d", d.year, d.month);
}
std::string FormatYear(int year) { return absl::StrFormat("%04d", year); }


std::optional<CivilDate> ParseIsoDate(absl::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || !ReadDigits(s, 0, 4, &y) || s[4] != '-' ||
      !ReadDigits(s, 5, 2, &m) || s[7] != '-' || !ReadDigits(s, 8, 2, &d) ||
      !ValidDate(y, m, d)) {
    return std::nullopt;
  }
  if (s.size() == 10) return CivilDate{y, m, d};
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int hh, mm, ss;
  size_t p = 11;
  if (!ReadDigits(s, p, 2, &hh) || p + 2 >= s.size() || s[p + 2] != ':' ||
      !ReadDigits(s, p + 3, 2, &mm) || hh > 23 || mm > 59) {
    return std::nullopt;
  }
  p += 5;
  if (p < s.size() && s[p] == ':') {
    if (!ReadDigits(s, p + 1, 2, &ss) || ss > 60) return std::nullopt;
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      size_t q = p;
      while (p < s.size() && absl::ascii_isdigit(static_cast<unsigned char>(s[p]))) ++p;
      if (p == q) return std::nullopt;
    }
  }
  if (p == s.size()) return CivilDate{y, m, d};
  if (s[p] == 'Z' && p + 1 == s.size()) return CivilDate{y, m, d};
  if (s[p] == '+' || s[p] == '-') {
    int oh, om;
    if (ReadDigits(s, p + 1, 2, &oh) && oh <= 23) {
      if (p + 3 == s.size()) return CivilDate{y, m, d};
      size_t q = p + 3;
      if (q < s.size() && s[q] == ':') ++q;
      if (ReadDigits(s, q, 2, &om) && om <= 59 && q + 2 == s.size()) {
        return CivilDate{y, m, d};
      }
    }
  }
  return std::nullopt;
}

claims::v1::Granularity GranularityOf(absl::string_view v) {
  int y = 0, m = 0, d = 0;
  if (v.size() >= 10 && ReadDigits(v, 0, 4, &y) && v[4] == '-' &&
      ReadDigits(v, 5, 2, &m) && v[7] == '-' && ReadDigits(v, 8, 2, &d)) {
    return claims::v1::DAY;
  }
  if (v.size() == 7 && ReadDigits(v, 0, 4, &y) && v[4] == '-' && ReadDigits(v, 5, 2, &m)) {
    return claims::v1::MONTH;
  }
  if (v.size() == 4 && ReadDigits(v, 0, 4, &y)) return claims::v1::YEAR;
  return claims::v1::GRANULARITY_UNSPECIFIED;
}

std::string PeriodEnd(absl::string_view v) {
  int y = 0, m = 0, d = 0;
  switch (GranularityOf(v)) {
    case claims::v1::DAY:
      ReadDigits(v, 0, 4, &y);
      ReadDigits(v, 5, 2, &m);
      ReadDigits(v, 8, 2, &d);
      if (!ValidDate(y, m, d)) return "";
      return FormatDay(AddDays({y, m, d}, 1));
    case claims::v1::MONTH:
      ReadDigits(v, 0, 4, &y);
      ReadDigits(v, 5, 2, &m);
      if (m < 1 || m > 12) return "";
      return FormatDay(AddMonths({y, m, 1}, 1));
    case claims::v1::YEAR:
      ReadDigits(v, 0, 4, &y);
      return FormatDay({y + 1, 1, 1});
    default:
      return "";
  }
}

}  // namespace claims
