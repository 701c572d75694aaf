// Time expressions: finds explicit dates ("April 7, 2025", "7 April",
// "March 2024", "2023", "1996-08-22") and relative ones ("earlier this
// year", "last month", "on Monday", "two years ago", "yesterday") and
// normalizes them to TIMEX3 values against an anchor (publication) date.
//
//   TimexFinder finder;
//   for (const Timex& t : finder.Find(body, s.start, s.end, &published)) ...
//
// Regular expressions are RE2 (linear time on untrusted text). Thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_TIMEX_H_
#define CLAIMS_COMMON_EXTRACT_TIMEX_H_

#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "claims/v1/claims.pb.h"
#include "common/extract/dates.h"

namespace claims {

struct Timex {
  size_t start = 0;  // byte offsets into the searched text
  size_t end = 0;
  std::string value;  // TIMEX3 value
  claims::v1::Granularity granularity = claims::v1::GRANULARITY_UNSPECIFIED;
  // Resolved against the anchor date ("last month", "Monday", "7 April").
  bool relative = false;
  // A complete calendar date written with its year (usable to infer the
  // publication date).
  bool explicit_full = false;
};

class TimexFinder {
 public:
  TimexFinder();
  ~TimexFinder();
  TimexFinder(const TimexFinder&) = delete;  // owns compiled patterns
  TimexFinder& operator=(const TimexFinder&) = delete;

  // Time expressions in text[begin, end), not overlapping, in order. With a
  // null `anchor` only expressions that carry their own year are returned.
  // `quarterly`: the document reports quarterly results, so "a year ago"
  // means the same quarter a year before.
  std::vector<Timex> Find(absl::string_view text, size_t begin, size_t end,
                          const CivilDate* anchor, bool quarterly = false) const;

  // Parses a whole date string such as a header date line ("April 7, 2025",
  // "7 April 2025", "2025-04-07T10:00Z"); nullopt unless it is one full
  // date.
  std::optional<CivilDate> ParseDateLine(absl::string_view s) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> p_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_TIMEX_H_
