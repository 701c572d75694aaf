#include "common/extract/dates.h"

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(DatesTest, ParsesIsoDatesAndDateTimes) {
  EXPECT_TRUE(ParseIsoDate("2025-04-07").has_value());
  EXPECT_TRUE(ParseIsoDate("2025-04-07T10:15:00Z").has_value());
  EXPECT_TRUE(ParseIsoDate("2025-04-07T10:15+02:00").has_value());
  EXPECT_TRUE(ParseIsoDate("2025-04-07 10:15:30.123").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-4-7").has_value());
  EXPECT_FALSE(ParseIsoDate("April 7, 2025").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-04-07T25:00").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-04-07Tjunk").has_value());
  auto d = ParseIsoDate("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDay(*d), "2024-02-29");
}

TEST(DatesTest, MonthsInFullAndAbbreviated) {
  EXPECT_EQ(MonthOfWord("January"), 1);
  EXPECT_EQ(MonthOfWord("Jan"), 1);
  EXPECT_EQ(MonthOfWord("feb."), 2);
  EXPECT_EQ(MonthOfWord("Sept."), 9);
  EXPECT_EQ(MonthOfWord("MAY"), 5);
  EXPECT_EQ(MonthOfWord("Janet"), 0);
  EXPECT_EQ(MonthOfWord("Ju"), 0);
}

TEST(DatesTest, Arithmetic) {
  EXPECT_EQ(Weekday({2025, 4, 7}), 0);  // Monday
  EXPECT_EQ(FormatDay(AddDays({2024, 12, 31}, 1)), "2025-01-01");
  EXPECT_EQ(FormatDay(AddMonths({2025, 3, 31}, -1)), "2025-02-28");
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
}

TEST(DatesTest, PeriodsOfValues) {
  EXPECT_EQ(PeriodEnd("2025-04-07"), "2025-04-08");
  EXPECT_EQ(PeriodEnd("2025-12"), "2026-01-01");
  EXPECT_EQ(PeriodEnd("2025"), "2026-01-01");
  EXPECT_EQ(PeriodEnd("PRESENT_REF"), "");
  EXPECT_EQ(GranularityOf("2025-04"), claims::v1::MONTH);
}

}  // namespace
}  // namespace claims
