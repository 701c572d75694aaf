#include "common/extract/timex.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

// "text=value" for each expression found.
std::string Render(const std::string& s, const CivilDate* anchor) {
  static const TimexFinder* finder = new TimexFinder();
  std::vector<std::string> out;
  for (const Timex& t : finder->Find(s, 0, s.size(), anchor)) {
    out.push_back(s.substr(t.start, t.end - t.start) + "=" + t.value);
  }
  return absl::StrJoin(out, "; ");
}

const CivilDate kAnchor{2025, 5, 20};  // a Tuesday

TEST(TimexTest, ExplicitDates) {
  EXPECT_EQ(Render("on April 7, 2025 in Washington", nullptr), "April 7, 2025=2025-04-07");
  EXPECT_EQ(Render("signed on 7 April 2025.", nullptr), "7 April 2025=2025-04-07");
  EXPECT_EQ(Render("LONDON 1996-08-30", nullptr), "1996-08-30=1996-08-30");
  EXPECT_EQ(Render("since March 2024", nullptr), "March 2024=2024-03");
  EXPECT_EQ(Render("in 2023 and in the 1990s", nullptr), "2023=2023; the 1990s=199X");
  EXPECT_EQ(Render("met on 7 April", &kAnchor), "7 April=2025-04-07");
}

TEST(TimexTest, RelativeDates) {
  EXPECT_EQ(Render("A ceasefire earlier this year failed.", &kAnchor),
            "earlier this year=2025");
  EXPECT_EQ(Render("last month", &kAnchor), "last month=2025-04");
  EXPECT_EQ(Render("It happened on Monday.", &kAnchor), "Monday=2025-05-19");
  EXPECT_EQ(Render("They will meet on Friday.", &kAnchor), "Friday=2025-05-23");
  EXPECT_EQ(Render("two years ago", &kAnchor), "two years ago=2023");
  EXPECT_EQ(Render("yesterday and tomorrow", &kAnchor),
            "yesterday=2025-05-19; tomorrow=2025-05-21");
  EXPECT_EQ(Render("in the third quarter", &kAnchor), "the third quarter=2024-Q3");
  EXPECT_EQ(Render("at 10 p.m. Monday", &kAnchor), "10 p.m. Monday=2025-05-19T22:00");
  EXPECT_EQ(Render("in October", &kAnchor), "October=2024-10");
  EXPECT_EQ(Render("by June", &kAnchor), "June=2025-06");
  EXPECT_EQ(Render("now", &kAnchor), "now=PRESENT_REF");
}

TEST(TimexTest, WeekdaysBeforeAnExplicitDayTakeTheDate) {
  EXPECT_EQ(Render("The vote is on Saturday, May 31.", &kAnchor),
            "Saturday, May 31=2025-05-31");
  EXPECT_EQ(Render("on Friday 13 June", &kAnchor), "Friday 13 June=2025-06-13");
  EXPECT_EQ(Render("Monday, April 7, 2025", nullptr),
            "Monday, April 7, 2025=2025-04-07");
}

TEST(TimexTest, LastYearIsAQuarterOnlyInQuarterlyContext) {
  EXPECT_EQ(Render("Profit rose from the quarter a year ago.", &kAnchor),
            "the quarter=2025-Q1; a year ago=2024-Q1");
  EXPECT_EQ(Render("It moved its headquarters to Leeds last year.", &kAnchor),
            "last year=2024");
}

TEST(TimexTest, APossessiveWeekdayIsPast) {
  // "would" sets a future context, but a weekday's ruling has happened.
  EXPECT_EQ(Render("They would appeal Thursday's ruling.", &kAnchor),
            "Thursday=2025-05-15");
  EXPECT_EQ(Render("They will meet on Thursday.", &kAnchor),
            "Thursday=2025-05-22");
}

TEST(TimexTest, RelativeDatesNeedAnAnchor) {
  EXPECT_EQ(Render("last month on Monday", nullptr), "");
}

TEST(TimexTest, NotDates) {
  EXPECT_EQ(Render("He may go. It cost $2000 and 1500 people came.", &kAnchor), "");
  EXPECT_EQ(Render("Theresa May met March Hare", nullptr), "");
}

TEST(TimexTest, ParsesHeaderDateLines) {
  TimexFinder finder;
  EXPECT_TRUE(finder.ParseDateLine("April 7, 2025").has_value());
  EXPECT_TRUE(finder.ParseDateLine("Monday, 7 April 2025").has_value());
  EXPECT_TRUE(finder.ParseDateLine("2025-04-07T09:00:00Z").has_value());
  EXPECT_FALSE(finder.ParseDateLine("sometime soon").has_value());
  EXPECT_FALSE(finder.ParseDateLine("April 2025").has_value());
}

TEST(TimexTest, BoundedOnHostileInput) {
  std::string s(100000, '1');
  TimexFinder finder;
  CivilDate a{2025, 1, 1};
  EXPECT_LE(finder.Find(s, 0, s.size(), &a).size(), 100u);
}

}  // namespace
}  // namespace claims
