// Dates: query parsing, claim periods and sort dates.
#include "common/store/dates.h"

#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace claims::store_internal {
namespace {

std::string Period(std::string_view value) {
  std::optional<DatePeriod> p = ParseDatePeriod(value);
  if (!p.has_value()) return "none";
  return FormatDate(p->start) + ".." + FormatDate(p->end);
}

TEST(DatesTest, QueryDatesNormalizeToPeriodStart) {
  EXPECT_EQ(FormatDate(*ParseQueryDate("2025", "from")), "2025-01-01");
  EXPECT_EQ(FormatDate(*ParseQueryDate("2025-04", "from")), "2025-04-01");
  EXPECT_EQ(FormatDate(*ParseQueryDate("2024-02-29", "from")), "2024-02-29");
  for (const char* bad : {"", "0000", "2025-00", "2023-02-29", "2025/04/07",
                          "2025-04-07Z", " 2025", "20250407"}) {
    auto parsed = ParseQueryDate(bad, "to");
    EXPECT_TRUE(absl::IsInvalidArgument(parsed.status())) << bad;
    EXPECT_EQ(parsed.status().message().substr(0, 3), "to:") << bad;
  }
}

TEST(DatesTest, StoredDatesAreLenientPeriods) {
  EXPECT_EQ(Period("2025-04-07"), "2025-04-07..2025-04-08");
  EXPECT_EQ(Period("2025-12-31"), "2025-12-31..2026-01-01");
  EXPECT_EQ(Period("2025-02"), "2025-02-01..2025-03-01");
  EXPECT_EQ(Period("2025"), "2025-01-01..2026-01-01");
  EXPECT_EQ(Period("2025-04-07T10:30:00Z"), "2025-04-07..2025-04-08");
  EXPECT_EQ(Period("2025-Q2"), "2025-01-01..2026-01-01");
  EXPECT_EQ(Period("2025-02-30"), "2025-02-01..2025-03-01");
  EXPECT_EQ(Period("PRESENT_REF"), "none");
  EXPECT_EQ(Period(""), "none");
}

TEST(DatesTest, ClaimPeriodAndSortDate) {
  claims::v1::Claim claim;
  claim.set_published("2025-04-07");
  EXPECT_EQ(ClaimIndexedPeriod(claim).start, "2025-04-07");
  EXPECT_EQ(ClaimIndexedPeriod(claim).end, "2025-04-08");
  EXPECT_EQ(ClaimIndexedPeriod(claim).span, PeriodSpan::kDay);
  claim.set_event_date("2024-11");
  EXPECT_EQ(ClaimIndexedPeriod(claim).start, "2024-11-01");
  EXPECT_EQ(ClaimIndexedPeriod(claim).span, PeriodSpan::kMonth);
  auto effective = ClaimPeriod(claim, claims::v1::DATE_FIELD_EFFECTIVE);
  ASSERT_TRUE(effective.has_value());
  EXPECT_EQ(FormatDate(effective->end), "2024-12-01");
  auto published = ClaimPeriod(claim, claims::v1::DATE_FIELD_PUBLISHED);
  EXPECT_EQ(FormatDate(published->start), "2025-04-07");

  // An exact end from the extractor is used when it fits.
  claim.mutable_event_time()->set_start("2024-11");
  claim.mutable_event_time()->set_end("2024-11-15");
  EXPECT_EQ(FormatDate(ClaimPeriod(claim, claims::v1::DATE_FIELD_EVENT)->end),
            "2024-11-15");
  claim.mutable_event_time()->set_end("2027-01-01");  // over a year: ignored
  EXPECT_EQ(FormatDate(ClaimPeriod(claim, claims::v1::DATE_FIELD_EVENT)->end),
            "2024-12-01");

  claims::v1::Claim undated;
  EXPECT_EQ(ClaimIndexedPeriod(undated).start, "0000-00-00");
  EXPECT_EQ(ClaimIndexedPeriod(undated).end, "0000-00-00");
  EXPECT_FALSE(ClaimPeriod(undated, claims::v1::DATE_FIELD_EFFECTIVE));
  undated.set_published("2025-01-01");
  EXPECT_FALSE(ClaimPeriod(undated, claims::v1::DATE_FIELD_EVENT));
}

TEST(DatesTest, SpansClassifyPeriodLengths) {
  claims::v1::Claim claim;
  claim.set_event_date("2025");
  EXPECT_EQ(ClaimIndexedPeriod(claim).span, PeriodSpan::kYear);
  claim.set_event_date("2025-01");  // 31 days
  EXPECT_EQ(ClaimIndexedPeriod(claim).span, PeriodSpan::kMonth);
  claim.mutable_event_time()->set_start("2025-01");
  claim.mutable_event_time()->set_end("2025-01-02");
  EXPECT_EQ(ClaimIndexedPeriod(claim).span, PeriodSpan::kDay);
}

TEST(DatesTest, EarliestOverlappingStartPerSpan) {
  const absl::CivilDay from(2025, 3, 1);
  EXPECT_EQ(FormatDate(EarliestOverlappingStart(from, PeriodSpan::kDay)),
            "2025-03-01");
  // A 31-day period starting 30 days back still covers `from`.
  EXPECT_EQ(FormatDate(EarliestOverlappingStart(from, PeriodSpan::kMonth)),
            "2025-01-30");
  EXPECT_EQ(FormatDate(EarliestOverlappingStart(from, PeriodSpan::kYear)),
            "2024-02-29");
  EXPECT_EQ(FormatDate(EarliestOverlappingStart(absl::CivilDay(2024, 2, 29),
                                                PeriodSpan::kYear)),
            "2023-02-28");
}

}  // namespace
}  // namespace claims::store_internal
