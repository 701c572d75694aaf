#include "common/extract/timex.h"

#include <algorithm>
#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace claims {
namespace {

// A rule sets Timex::start to kStartAtGroup + k to make the span begin at
// capture group k ("on Monday" -> "Monday").
constexpr size_t kStartAtGroup = static_cast<size_t>(-16);

// Longest input a pattern is run on (bounded work).
constexpr size_t kMaxSentenceBytes = 4096;

const char kMonth[] =
    "(January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|"
    "Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const char kWeekday[] =
    "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
// An optional weekday before an explicit day ("Saturday, April 25"): part of
// the expression, its value comes from the date.
const char kLeadingWeekday[] =
    "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?";
const char kNumberWord[] =
    "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    "twelve|fifteen|twenty|thirty|fifty|a few|several)";

int WeekdayNumber(absl::string_view w) {
  static const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string lower = absl::AsciiStrToLower(w.substr(0, 3));
  for (int i = 0; i < 7; ++i) {
    if (lower == kNames[i]) return i;
  }
  return -1;
}

int NumberWord(absl::string_view w) {
  int n;
  if (absl::SimpleAtoi(w, &n)) return n;
  static const std::pair<const char*, int> kWords[] = {
      {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4},
      {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9},
      {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"fifteen", 15},
      {"twenty", 20}, {"thirty", 30}, {"fifty", 50}};
  std::string lower = absl::AsciiStrToLower(w);
  for (const auto& [word, value] : kWords) {
    if (lower == word) return value;
  }
  return -1;  // "a few", "several": no exact value
}

// Year of a month named without one: the anchor's year, unless that month
// lies well ahead: news mostly reports the past, so "October" in a March
// article is last October, while "January" in a November article is the
// coming one.
int NearestYear(int month, const CivilDate& a) {
  int diff = month - a.month;
  if (diff > 4) return a.year - 1;
  if (diff < -7) return a.year + 1;
  return a.year;
}

int DayNumber(absl::string_view s) {
  int d;
  return absl::SimpleAtoi(s, &d) ? d : 0;
}

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// Whether the sentence speaks about the future (for weekday resolution).
bool FutureContext(absl::string_view sentence) {
  static const LazyRE2 kFuture = {
      "(?i)(\\b(will|shall|is due|are due|scheduled|is expected|are expected|"
      "expected to|plans to|plan to|planned to|planning to|set to|is to|are to|"
      "would|as soon as|as early as|to be held|to resume|until)\\b|'ll\\b)"};
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *kFuture);
}

// The date a weekday names, seen from `anchor`: "next"/"last" (and "past")
// force the direction; otherwise a future context before it means the next
// such day, else the latest one (today included).
CivilDate ResolveWeekday(int wd, absl::string_view mod, const CivilDate& anchor,
                         absl::string_view before) {
  const int today = Weekday(anchor);
  int64_t delta;
  if (mod == "next" || (mod != "last" && mod != "past" && FutureContext(before))) {
    delta = (wd - today + 7) % 7;
    if (delta == 0 && mod == "next") delta = 7;
  } else {
    delta = -((today - wd + 7) % 7);
    if (delta == 0 && mod == "last") delta = -7;
  }
  return AddDays(anchor, delta);
}

Timex Make(size_t s, size_t e, std::string value, claims::v1::Granularity g,
           bool relative, bool full = false) {
  Timex t;
  t.start = s;
  t.end = e;
  t.value = std::move(value);
  t.granularity = g;
  t.relative = relative;
  t.explicit_full = full;
  return t;
}

}  // namespace

// Each rule: a pattern and how to turn a match into a Timex. Groups are
// passed as string_views (empty when a group did not take part).
struct TimexFinder::Patterns {
  struct Rule {
    std::unique_ptr<RE2> re;
    // Returns false to reject the match.
    std::function<bool(const std::vector<absl::string_view>& g,
                       const CivilDate* anchor, absl::string_view sentence,
                       Timex* out)>
        make;
  };
  std::vector<Rule> rules;
  // Every rule's pattern in one automaton: a single pass over a sentence
  // says which rules can match it at all, so the others are not run.
  std::unique_ptr<RE2::Set> any;

  void Add(const std::string& pattern,
           std::function<bool(const std::vector<absl::string_view>&,
                              const CivilDate*, absl::string_view, Timex*)>
               make) {
    RE2::Options options;
    options.set_max_mem(8 << 20);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) return;  // a bad built-in pattern is a bug caught by tests
    rules.push_back({std::move(re), std::move(make)});
  }

  // Builds `any` from the rules (their indexes are the set's).
  void Compile() {
    RE2::Options options;
    options.set_max_mem(64 << 20);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const Rule& rule : rules) {
      if (set->Add(rule.re->pattern(), nullptr) < 0) return;
    }
    if (set->Compile()) any = std::move(set);
  }
};

TimexFinder::TimexFinder() : p_(std::make_unique<Patterns>()) {
  using G = std::vector<absl::string_view>;
  const std::string month = kMonth;
  const std::string ord = "(\\d{1,2})(?:st|nd|rd|th)?";
  const std::string year = "((?:1[6-9]|20|21)\\d\\d)";
  using claims::v1::DAY;
  using claims::v1::MONTH;
  using claims::v1::YEAR;

  // ISO date, e.g. a dateline "LONDON 1996-08-30".
  p_->Add(year + "-(\\d\\d)-(\\d\\d)",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            int y = DayNumber(g[1]), m = DayNumber(g[2]), d = DayNumber(g[3]);
            if (!ValidDate(y, m, d)) return false;
            *t = Make(0, 0, FormatDay({y, m, d}), DAY, false, true);
            return true;
          });
  const std::string weekday_before = kLeadingWeekday;
  // April 7, 2025 / April 7 2025
  p_->Add(weekday_before + month + "\\s+" + ord + ",?\\s+" + year,
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            int y = DayNumber(g[3]), m = MonthOfWord(g[1]), d = DayNumber(g[2]);
            if (!ValidDate(y, m, d)) return false;
            *t = Make(0, 0, FormatDay({y, m, d}), DAY, false, true);
            return true;
          });
  // 7 April 2025 / 7th of April, 2025
  p_->Add(weekday_before + ord + "\\s+(?:of\\s+)?" + month + ",?\\s+" + year,
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            int y = DayNumber(g[3]), m = MonthOfWord(g[2]), d = DayNumber(g[1]);
            if (!ValidDate(y, m, d)) return false;
            *t = Make(0, 0, FormatDay({y, m, d}), DAY, false, true);
            return true;
          });
  // Weekday, April 7 (year from the anchor).
  auto month_day = [](int m, int d, const CivilDate* a, Timex* t) {
    if (a == nullptr || m == 0) return false;
    int y = NearestYear(m, *a);
    if (!ValidDate(y, m, d)) return false;
    *t = Make(0, 0, FormatDay({y, m, d}), DAY, true);
    return true;
  };
  p_->Add(weekday_before + month + "\\s+" + ord + "\\b",
          [month_day](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            return month_day(MonthOfWord(g[1]), DayNumber(g[2]), a, t);
          });
  p_->Add(weekday_before + ord + "\\s+(?:of\\s+)?" + month,
          [month_day](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            return month_day(MonthOfWord(g[2]), DayNumber(g[1]), a, t);
          });
  // March 2024 / March, 2024
  p_->Add(month + ",?\\s+(?:of\\s+)?" + year,
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            int m = MonthOfWord(g[1]);
            if (m == 0) return false;
            *t = Make(0, 0, FormatMonth({DayNumber(g[2]), m, 1}), MONTH, false);
            return true;
          });
  // "June last year", "January this year".
  p_->Add(month + "\\s+(last|this|next)\\s+year\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            int m = MonthOfWord(g[1]);
            if (a == nullptr || m == 0) return false;
            std::string rel = absl::AsciiStrToLower(g[2]);
            int y = a->year + (rel == "last" ? -1 : rel == "next" ? 1 : 0);
            *t = Make(0, 0, FormatMonth({y, m, 1}), MONTH, true);
            return true;
          });
  // Month alone after a preposition or determiner: "in March", "last May".
  p_->Add("(?i:(in|since|until|till|by|from|to|during|through|early|late|"
          "of|last|next|this|before|after)\\s+|(mid)-)" + month + "\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            // Groups: 1 preposition, 2 "mid", 3 month.
            int m = MonthOfWord(g[3]);
            if (a == nullptr || m == 0) return false;
            std::string prep = absl::AsciiStrToLower(g[1].empty() ? g[2] : g[1]);
            int y = a->year;
            if (prep == "next") {
              if (m <= a->month) ++y;
            } else if (prep == "last") {
              if (m >= a->month) --y;
            } else if (prep != "this") {
              y = NearestYear(m, *a);
            }
            Timex tx = Make(0, 0, FormatMonth({y, m, 1}), MONTH, true);
            // The span covers only the month (and last/next/this).
            tx.start = (prep == "last" || prep == "next" || prep == "this" ||
                        prep == "early" || prep == "late" || prep == "mid")
                           ? 0
                           : kStartAtGroup + 3;
            *t = tx;
            return true;
          });
  // Year alone.
  p_->Add("\\b" + year + "\\b",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            *t = Make(0, 0, std::string(g[1]), YEAR, false);
            return true;
          });
  // Decades: "the 1990s".
  p_->Add("(?i:the\\s+)?((?:1[6-9]|20)\\d)0s\\b",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            *t = Make(0, 0, absl::StrCat(g[1], "X"), claims::v1::GRANULARITY_UNSPECIFIED, false);
            return true;
          });
  // Weekdays: "on Monday", "last Friday", "Wednesday's ruling".
  p_->Add("(?i:(last|next|this|on|early|late)\\s+)?" + std::string(kWeekday) +
              "('s\\b)?",
          [](const G& g, const CivilDate* a, absl::string_view before, Timex* t) {
            int wd = WeekdayNumber(g[2]);
            if (a == nullptr || wd < 0) return false;
            std::string mod = absl::AsciiStrToLower(g[1]);
            // A weekday's ruling, meeting or vote has already happened.
            if (mod.empty() && !g[3].empty()) mod = "past";
            *t = Make(0, 0, FormatDay(ResolveWeekday(wd, mod, *a, before)), DAY,
                      true);
            if (mod == "on") t->start = kStartAtGroup + 2;
            return true;
          });
  // today / yesterday / tomorrow / tonight
  p_->Add("(?i)\\b(today|yesterday|tomorrow)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string w = absl::AsciiStrToLower(g[1]);
            int delta = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
            *t = Make(0, 0, FormatDay(AddDays(*a, delta)), DAY, true);
            return true;
          });
  // earlier this year / later this month / this week / last year / next month
  p_->Add("(?i)\\b((?:earlier|later|early|late)\\s+)?(this|last|next|past|previous|coming|the\\s+previous|the\\s+following|the\\s+past|the\\s+coming)\\s+(year|month|week|spring|summer|autumn|fall|winter)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string rel = absl::AsciiStrToLower(g[2]);
            std::string unit = absl::AsciiStrToLower(g[3]);
            int dir = 0;
            if (absl::StrContains(rel, "last") || absl::StrContains(rel, "previous") ||
                absl::StrContains(rel, "past")) {
              dir = -1;
            } else if (absl::StrContains(rel, "next") || absl::StrContains(rel, "following") ||
                       absl::StrContains(rel, "coming")) {
              dir = 1;
            }
            if (unit == "year") {
              *t = Make(0, 0, FormatYear(a->year + dir), YEAR, true);
            } else if (unit == "month") {
              *t = Make(0, 0, FormatMonth(AddMonths({a->year, a->month, 1}, dir)), MONTH, true);
            } else if (unit == "week") {
              CivilDate d = AddDays(*a, 7 * dir);
              // ISO week number.
              int wd = Weekday(d);
              CivilDate thursday = AddDays(d, 3 - wd);
              int64_t jan1 = DaysFromCivil(thursday.year, 1, 1);
              int week = static_cast<int>((DaysFromCivil(thursday.year, thursday.month, thursday.day) - jan1) / 7) + 1;
              *t = Make(0, 0, absl::StrFormat("%04d-W%02d", thursday.year, week),
                        claims::v1::GRANULARITY_UNSPECIFIED, true);
            } else {
              std::string season = unit == "spring" ? "SP" : unit == "summer" ? "SU"
                                   : unit == "winter" ? "WI" : "FA";
              *t = Make(0, 0, absl::StrCat(FormatYear(a->year + dir), "-", season),
                        claims::v1::GRANULARITY_UNSPECIFIED, true);
            }
            return true;
          });
  // two years ago / three months ago / 10 days ago
  p_->Add(std::string("(?i)\\b") + kNumberWord + "\\s+(years?|months?|weeks?|days?)\\s+(ago|earlier|before)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            int n = NumberWord(g[1]);
            std::string unit = absl::AsciiStrToLower(g[2]);
            if (n < 0) {
              *t = Make(0, 0, "PAST_REF", claims::v1::GRANULARITY_UNSPECIFIED, true);
              return true;
            }
            if (unit[0] == 'y') {
              *t = Make(0, 0, FormatYear(a->year - n), YEAR, true);
            } else if (unit[0] == 'm') {
              *t = Make(0, 0, FormatMonth(AddMonths({a->year, a->month, 1}, -n)), MONTH, true);
            } else if (unit[0] == 'w') {
              *t = Make(0, 0, FormatDay(AddDays(*a, -7 * n)), DAY, true);
            } else {
              *t = Make(0, 0, FormatDay(AddDays(*a, -n)), DAY, true);
            }
            return true;
          });
  // Quarters: "the first quarter", "the fourth quarter of 1997".
  p_->Add("(?i)\\b(?:the\\s+)?(year-ago\\s+|year-earlier\\s+)?(?:fiscal\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+quarter(?:\\s+of\\s+" + year + ")?",
          [](const G& gr, const CivilDate* a, absl::string_view, Timex* t) {
            // Shift groups so g[1] is the ordinal and g[2] the year.
            G g = {gr[0], gr[2], gr[3]};
            bool year_ago = !gr[1].empty();
            std::string q = absl::AsciiStrToLower(g[1]);
            int n = q[0] == 'f' && q[1] == 'i' ? 1 : q[0] == '1' ? 1
                    : (q[0] == 's' || q[0] == '2') ? 2
                    : (q[0] == 't' || q[0] == '3') ? 3 : 4;
            int y;
            if (!g[2].empty()) {
              y = DayNumber(g[2]);
            } else if (a != nullptr) {
              y = a->year;
              if (n > (a->month - 1) / 3 + 1) --y;  // a quarter not yet begun
              if (year_ago) --y;
            } else {
              return false;
            }
            *t = Make(0, 0, absl::StrFormat("%04d-Q%d", y, n),
                      claims::v1::GRANULARITY_UNSPECIFIED, g[2].empty());
            return true;
          });
  // "the quarter", "the latest quarter": the last completed quarter;
  // "the year-ago quarter": the same quarter a year before.
  p_->Add("(?i)\\bthe\\s+(latest\\s+|most\\s+recent\\s+|recent\\s+|year-ago\\s+|year-earlier\\s+)?(quarter|period)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string mod = absl::AsciiStrToLower(absl::StripAsciiWhitespace(g[1]));
            std::string unit = absl::AsciiStrToLower(g[2]);
            bool year_ago = mod == "year-ago" || mod == "year-earlier";
            if (unit == "period" && !year_ago) return false;
            // The quarter before the anchor's.
            CivilDate last = AddMonths({a->year, (a->month - 1) / 3 * 3 + 1, 1}, -3);
            int q = (last.month - 1) / 3 + 1;
            *t = Make(0, 0, absl::StrFormat("%04d-Q%d", last.year - (year_ago ? 1 : 0), q),
                      claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  // Clock times: "10 p.m.", "5:30 pm EST", "10 p.m. Wednesday".
  p_->Add("(?i)\\b(\\d{1,2})(?::(\\d\\d))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b)(?:\\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET))?(?:,?\\s+(today|yesterday|tomorrow|" + std::string(kWeekday) + "|" + month + "\\s+\\d{1,2}))?",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            int h = DayNumber(g[1]);
            int m = g[2].empty() ? 0 : DayNumber(g[2]);
            if (h < 1 || h > 12 || m > 59) return false;
            bool pm = absl::AsciiStrToLower(g[3].substr(0, 1)) == "p";
            if (pm && h != 12) h += 12;
            if (!pm && h == 12) h = 0;
            CivilDate d = *a;
            std::string day = absl::AsciiStrToLower(g[4]);
            if (day == "yesterday") d = AddDays(*a, -1);
            else if (day == "tomorrow") d = AddDays(*a, 1);
            else if (!g[6].empty()) {
              int mo = MonthOfWord(g[6]);
              int dd = DayNumber(absl::StripAsciiWhitespace(g[4].substr(g[6].size())));
              if (mo == 0 || !ValidDate(NearestYear(mo, *a), mo, dd)) return false;
              d = {NearestYear(mo, *a), mo, dd};
            } else if (!day.empty() && day != "today") {
              int wd = WeekdayNumber(g[4]);
              d = AddDays(*a, -((Weekday(*a) - wd + 7) % 7));
            }
            *t = Make(0, 0, absl::StrFormat("%sT%02d:%02d", FormatDay(d), h, m),
                      claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  // noon / midday / midnight, optionally with the day: "noon Thursday".
  p_->Add("(?i)\\b(noon|midday|midnight)(?:\\s+(today|yesterday|tomorrow|" + std::string(kWeekday) + "))?\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            CivilDate d = *a;
            std::string day = absl::AsciiStrToLower(g[2]);
            if (day == "yesterday") d = AddDays(*a, -1);
            else if (day == "tomorrow") d = AddDays(*a, 1);
            else if (!g[3].empty()) d = AddDays(*a, -((Weekday(*a) - WeekdayNumber(g[3]) + 7) % 7));
            bool night = absl::AsciiStrToLower(g[1]) == "midnight";
            *t = Make(0, 0, absl::StrCat(FormatDay(d), night ? "T24" : "T12:00"),
                      claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  // Parts of days: "this morning", "last night", "tonight".
  p_->Add("(?i)\\b(this|yesterday|tomorrow|last)\\s+(morning|afternoon|evening|night)\\b|\\b(tonight)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string day = absl::AsciiStrToLower(g[1]);
            // Groups: 1 day word, 2 part of day, 3 "tonight".
            if (!g[3].empty()) {
              *t = Make(0, 0, FormatDay(*a), DAY, true);
              return true;
            }
            std::string part = absl::AsciiStrToLower(g[2]);
            CivilDate d = *a;
            if (day == "yesterday" || day == "last") d = AddDays(*a, -1);
            else if (day == "tomorrow") d = AddDays(*a, 1);
            std::string suffix = part == "morning" ? "MO" : part == "afternoon" ? "AF"
                                 : part == "evening" ? "EV" : "NI";
            *t = Make(0, 0, absl::StrCat(FormatDay(d), "T", suffix),
                      claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  // "year-earlier", "year-ago" as adjectives: the previous year (a quarter
  // in a sentence about quarterly results, see Find).
  p_->Add("(?i)\\b(year-earlier|year-ago)\\b",
          [](const G&, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            *t = Make(0, 0, FormatYear(a->year - 1), YEAR, true);
            return true;
          });
  // "the weekend", "last weekend": the ISO week with a WE suffix.
  p_->Add("(?i)\\b(the|this|last|next)\\s+weekend\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string rel = absl::AsciiStrToLower(g[1]);
            // "the weekend" in news is the one just past (or current).
            int64_t shift = rel == "next" ? 7 : rel == "last" ? -7 : 0;
            CivilDate d = AddDays(*a, shift);
            if (rel == "the" && Weekday(*a) < 5) d = AddDays(*a, -7);
            CivilDate thursday = AddDays(d, 3 - Weekday(d));
            int week = static_cast<int>((DaysFromCivil(thursday.year, thursday.month, thursday.day) -
                                         DaysFromCivil(thursday.year, 1, 1)) / 7) + 1;
            *t = Make(0, 0, absl::StrFormat("%04d-W%02d-WE", thursday.year, week),
                      claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  // Years spelled out: "nineteen ninety-six", "the year two thousand".
  p_->Add("(?i)\\b(?:the\\s+year\\s+)?(nineteen|two\\s+thousand)(?:\\s+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](one|two|three|four|five|six|seven|eight|nine))?|\\s+and\\s+(one|two|three|four|five|six|seven|eight|nine))?\\b",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            static const std::pair<const char*, int> kTens[] = {
                {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
                {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
                {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
                {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
                {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
            std::string century = absl::AsciiStrToLower(g[1]);
            int year = century == "nineteen" ? 1900 : 2000;
            if (century == "nineteen" && g[2].empty()) return false;
            std::string tens = absl::AsciiStrToLower(g[2]);
            for (const auto& [w, v] : kTens) {
              if (tens == w) year += v;
            }
            int unit = NumberWord(g[3].empty() ? g[4] : g[3]);
            if (unit > 0) year += unit;
            *t = Make(0, 0, FormatYear(year), YEAR, false);
            return true;
          });
  // "the year", "the full year", "the current fiscal year": the anchor's year.
  p_->Add("(?i)\\bthe\\s+(?:full\\s+|current\\s+|fiscal\\s+|current\\s+fiscal\\s+)?year\\b",
          [](const G&, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            *t = Make(0, 0, FormatYear(a->year), YEAR, true);
            return true;
          });
  // Holidays with a fixed or computed date, in the anchor's year.
  p_->Add("(?i)\\b(Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Thanksgiving Day|Thanksgiving|Independence Day|Labor Day|Halloween|Valentine's Day|Easter Sunday|Easter)\\b",
          [](const G& g, const CivilDate* a, absl::string_view, Timex* t) {
            if (a == nullptr) return false;
            std::string h = absl::AsciiStrToLower(g[1]);
            auto date_in = [&h](int y) {
            CivilDate d{y, 0, 0};
            if (h == "christmas eve") d = {y, 12, 24};
            else if (absl::StartsWith(h, "christmas")) d = {y, 12, 25};
            else if (h == "new year's eve") d = {y, 12, 31};
            else if (h == "new year's day") d = {y, 1, 1};
            else if (h == "independence day") d = {y, 7, 4};
            else if (h == "halloween") d = {y, 10, 31};
            else if (h == "valentine's day") d = {y, 2, 14};
            else if (absl::StartsWith(h, "thanksgiving")) {
              // Fourth Thursday of November (United States).
              CivilDate first{y, 11, 1};
              d = AddDays(first, (3 - Weekday(first) + 7) % 7 + 21);
            } else if (h == "labor day") {
              CivilDate first{y, 9, 1};
              d = AddDays(first, (7 - Weekday(first)) % 7);
            } else {
              // Easter Sunday (anonymous Gregorian computus).
              int aa = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
              int f = (b + 8) / 25, gg = (b - f + 1) / 3;
              int hh = (19 * aa + b - dd - gg + 15) % 30;
              int i = c / 4, k = c % 4;
              int l = (32 + 2 * e + 2 * i - hh - k) % 7;
              int m = (aa + 11 * hh + 22 * l) / 451;
              int month = (hh + l - 7 * m + 114) / 31;
              int day = (hh + l - 7 * m + 114) % 31 + 1;
              d = {y, month, day};
            }
            return d;
            };
            // This year's, unless it is still more than two months ahead.
            CivilDate d = date_in(a->year);
            if (DaysFromCivil(d.year, d.month, d.day) -
                    DaysFromCivil(a->year, a->month, a->day) > 60) {
              d = date_in(a->year - 1);
            }
            *t = Make(0, 0, FormatDay(d), DAY, true);
            return true;
          });
  // now / currently / the present
  p_->Add("(?i)\\b(now|currently|current|nowadays|at present|the present)\\b",
          [](const G&, const CivilDate*, absl::string_view, Timex* t) {
            *t = Make(0, 0, "PRESENT_REF", claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  p_->Add("(?i)\\b(recently|lately|the past|in the past|formerly|previously|recent years|recent days|recent weeks)\\b",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            std::string w = absl::AsciiStrToLower(g[1]);
            if (w == "previously" || w == "formerly" || w == "lately") return false;
            *t = Make(0, 0, "PAST_REF", claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  p_->Add("(?i)\\b(the future|in the future|the coming years|soon)\\b",
          [](const G& g, const CivilDate*, absl::string_view, Timex* t) {
            if (absl::AsciiStrToLower(g[1]) == "soon") return false;
            *t = Make(0, 0, "FUTURE_REF", claims::v1::GRANULARITY_UNSPECIFIED, true);
            return true;
          });
  p_->Compile();
}

TimexFinder::~TimexFinder() = default;

namespace {

// True when the sentence speaks of quarters ("quarter", "quarterly"), as a
// word: "headquarters" does not count.
bool MentionsQuarters(absl::string_view sentence) {
  static const LazyRE2 kQuarter = {"(?i)\\bquarter(?:s|ly)?\\b"};
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()),
                           *kQuarter);
}

}  // namespace

std::vector<Timex> TimexFinder::Find(absl::string_view text, size_t begin,
                                     size_t end, const CivilDate* anchor,
                                     bool quarterly) const {
  std::vector<Timex> found;
  if (end > text.size()) end = text.size();
  if (begin >= end) return found;
  if (end - begin > kMaxSentenceBytes) end = begin + kMaxSentenceBytes;
  absl::string_view sentence = text.substr(begin, end - begin);
  const re2::StringPiece piece(sentence.data(), sentence.size());
  std::vector<int> candidates;
  if (p_->any != nullptr) {
    if (!p_->any->Match(piece, &candidates)) return found;
    std::sort(candidates.begin(), candidates.end());
  } else {
    for (int i = 0; i < static_cast<int>(p_->rules.size()); ++i) {
      candidates.push_back(i);
    }
  }
  for (int index : candidates) {
    const auto& rule = p_->rules[static_cast<size_t>(index)];
    const int n = rule.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
    size_t pos = 0;
    int guard = 0;
    while (pos <= sentence.size() && guard++ < 64 &&
           rule.re->Match(re2::StringPiece(sentence.data(), sentence.size()), pos, sentence.size(), RE2::UNANCHORED,
                          groups.data(), n)) {
      absl::string_view m(groups[0].data(), groups[0].size());
      size_t ms = static_cast<size_t>(m.data() - sentence.data());
      size_t me = ms + m.size();
      pos = me > ms ? me : ms + 1;
      // Whole words only.
      if ((ms > 0 && IsWordChar(sentence[ms - 1]) && IsWordChar(sentence[ms])) ||
          (me < sentence.size() && IsWordChar(sentence[me]) &&
           IsWordChar(sentence[me - 1]))) {
        continue;
      }
      std::vector<absl::string_view> g;
      for (const auto& gr : groups) g.emplace_back(gr.data(), gr.size());
      Timex t;
      // Rules see the text just before the match (tense cues).
      size_t ctx = ms > 60 ? ms - 60 : 0;
      if (!rule.make(g, anchor, sentence.substr(ctx, ms - ctx), &t)) continue;
      if (t.value.empty()) continue;
      // Month-after-preposition rule: span without a plain preposition.
      if (t.start >= kStartAtGroup) {
        size_t k = t.start - kStartAtGroup;
        if (k < g.size() && g[k].data() != nullptr) {
          ms = static_cast<size_t>(g[k].data() - sentence.data());
        }
      }
      // A year that is part of an amount ("$2000", "2000 people") is not a
      // date; a year after "in"/"since" etc. is.
      if (t.granularity == claims::v1::YEAR && !t.relative &&
          m.size() == 4) {
        if (ms > 0 && (sentence[ms - 1] == '$' || sentence[ms - 1] == '#')) continue;
        if (me < sentence.size() && (sentence[me] == '%' ||
                                     (sentence[me] == ',' && me + 1 < sentence.size() &&
                                      absl::ascii_isdigit(static_cast<unsigned char>(sentence[me + 1]))))) {
          continue;
        }
        if (ms > 0 && sentence[ms - 1] == ',' && ms > 1 &&
            absl::ascii_isdigit(static_cast<unsigned char>(sentence[ms - 2]))) {
          continue;
        }
      }
      // A possessive "'s" ("Wednesday's ruling") is not part of the date.
      if (absl::EndsWith(m, "'s")) me -= 2;
      t.start = begin + ms;
      t.end = begin + me;
      found.push_back(std::move(t));
    }
  }
  // In a sentence about quarterly results, "a year ago" / "last year" is the
  // same quarter a year before (the quarter before the anchor's).
  if (anchor != nullptr) {
    if (quarterly || MentionsQuarters(sentence)) {
      CivilDate q = AddMonths({anchor->year, (anchor->month - 1) / 3 * 3 + 1, 1}, -3);
      for (Timex& t : found) {
        if (t.relative && t.granularity == claims::v1::YEAR &&
            t.value == FormatYear(anchor->year - 1)) {
          t.value = absl::StrFormat("%04d-Q%d", q.year - 1, (q.month - 1) / 3 + 1);
          t.granularity = claims::v1::GRANULARITY_UNSPECIFIED;
        }
      }
    }
  }
  // Keep the longest non-overlapping expressions.
  std::stable_sort(found.begin(), found.end(), [](const Timex& a, const Timex& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<Timex> out;
  for (auto& t : found) {
    bool overlaps = false;
    for (const auto& o : out) {
      if (t.start < o.end && o.start < t.end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(),
            [](const Timex& a, const Timex& b) { return a.start < b.start; });
  return out;
}

std::optional<CivilDate> TimexFinder::ParseDateLine(absl::string_view s) const {
  s = absl::StripAsciiWhitespace(s);
  if (auto iso = ParseIsoDate(s)) return iso;
  auto found = Find(s, 0, s.size(), nullptr);
  // Allow a leading weekday or trailing text such as a time zone.
  for (const auto& t : found) {
    if (t.explicit_full) {
      auto d = ParseIsoDate(t.value);
      if (d) return d;
    }
  }
  return std::nullopt;
}

}  // namespace claims
