// ClaimReader::Scan and Matches: date order both ways, overlap semantics,
// cursors, limits, index choice and post-filters, against a real RocksDB.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/store/dates.h"
#include "common/store/key_codec.h"
#include "common/store/claim_reader.h"
#include "common/store/store_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using ::claims::testing::Ids;
using ::claims::testing::MakeAnalysis;
using ::claims::testing::MakeClaim;
using ::testing::HasSubstr;

class ClaimScanTest : public testing::StoreTest {
 protected:
  // Four articles, claims dated by event date or publication date:
  //   old:0   2024-12-31 (published)   actors a      topic conflict/ceasefire
  //   mid:0   2025-03    (event month) actors a,b    topic conflict/hostages
  //   mid:1   2025-03-15 (published)   actors b      topic diplomacy/visit
  //   year:0  2025       (event year)  actors c      topic conflict
  //   new:0   2025-06-01 (published)   actors a,c    topic economy/trade
  void SetUp() override {
    StoreTest::SetUp();
    Put(MakeAnalysis("old", "h", "2024-12-31",
                     {MakeClaim({"a"}, {"conflict/ceasefire"})}));
    Put(MakeAnalysis("mid", "h", "2025-03-15",
                     {MakeClaim({"a", "b"}, {"conflict/hostages"}, "2025-03"),
                      MakeClaim({"b"}, {"diplomacy/visit"})}));
    Put(MakeAnalysis("year", "h", "2025-07-01",
                     {MakeClaim({"c"}, {"conflict"}, "2025")}));
    Put(MakeAnalysis("new", "h", "2025-06-01",
                     {MakeClaim({"a", "c"}, {"economy/trade"})}));
  }

  static ClaimFilter Range(std::string from, std::string to) {
    ClaimFilter f;
    f.from = std::move(from);
    f.to = std::move(to);
    return f;
  }

  static ScanOptions Newest() {
    ScanOptions o;
    o.newest_first = true;
    return o;
  }

  // Pages of `page` items, each resumed from the previous page's last
  // cursor, calling `between` after the first page.
  std::string Paged(const ClaimFilter& filter, ScanOptions options,
                    uint64_t page, const std::function<void()>& between) {
    std::vector<std::string> pages;
    options.limit = page;
    for (int i = 0; i < 100; ++i) {
      std::vector<ScannedClaim> items = Scan(filter, options);
      if (items.empty()) break;
      pages.push_back(Ids(items));
      options.cursor = items.back().cursor;
      if (i == 0 && between) between();
    }
    return absl::StrJoin(pages, " | ");
  }
};

TEST_F(ClaimScanTest, PeriodsStartingBeforeTheRangeMatchOnlyWhenTheyReachIt) {
  claims::v1::Claim long_event = MakeClaim({"zz"}, {}, "2025-03-30");
  long_event.mutable_event_time()->set_start("2025-03-30");
  long_event.mutable_event_time()->set_end("2025-04-10");
  Put(MakeAnalysis("a", "h1", "2025-05-01",
                   {long_event, MakeClaim({"zz"}, {}, "2025-03-30"),
                    MakeClaim({"zz"}, {}, "2025"), MakeClaim({"zz"}, {}, "2025-04"),
                    MakeClaim({"zz"}, {}, "2025-03")}));
  ClaimFilter range;
  range.from = "2025-04-05";
  range.to = "2025-04-06";
  range.actor_ids = {"zz"};
  // The 12-day event, the year and the month reach into the range; the day
  // and the earlier month do not.
  EXPECT_EQ(ScanIds(range), "a:2 a:0 a:3");
  range.actor_ids.clear();  // the all-claims date index
  std::string ids = ScanIds(range);
  EXPECT_THAT(ids, ::testing::HasSubstr("a:2 "));
  EXPECT_THAT(ids, ::testing::HasSubstr("a:0 a:3"));
  EXPECT_THAT(ids, ::testing::Not(::testing::HasSubstr("a:1")));
  EXPECT_THAT(ids, ::testing::Not(::testing::HasSubstr("a:4")));
}

TEST_F(ClaimScanTest, AllClaimsInDateOrderBothWays) {
  // Ties on a date are broken by article id, then position.
  EXPECT_EQ(ScanIds({}), "old:0 year:0 mid:0 mid:1 new:0");
  EXPECT_EQ(ScanIds({}, Newest()), "new:0 mid:1 mid:0 year:0 old:0");
}

TEST_F(ClaimScanTest, ScannedClaimsCarrySequenceAndCursor) {
  std::vector<ScannedClaim> items = Scan({});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].Decode()->sequence(), 1u);
  EXPECT_EQ(items[4].Decode()->sequence(), 4u);
  EXPECT_FALSE(items[0].cursor.empty());
  EXPECT_NE(items[0].cursor, items[1].cursor);
}

TEST_F(ClaimScanTest, DateRangeMatchesAnyOverlap) {
  // The year 2025 and March 2025 overlap mid-March; the day does too.
  EXPECT_EQ(ScanIds(Range("2025-03-10", "2025-03-20")), "year:0 mid:0 mid:1");
  // Half-open: a range ending on a day excludes it.
  EXPECT_EQ(ScanIds(Range("2025-03-10", "2025-03-15")), "year:0 mid:0");
  EXPECT_EQ(ScanIds(Range("2025-03-15", "2025-03-16")), "year:0 mid:0 mid:1");
  // Only the year claim spans April.
  EXPECT_EQ(ScanIds(Range("2025-04", "2025-05")), "year:0");
  // Coarse bounds normalize to the first day of their period.
  EXPECT_EQ(ScanIds(Range("2024", "2025")), "old:0");
  EXPECT_EQ(ScanIds(Range("2024-12-31", "")), "old:0 year:0 mid:0 mid:1 new:0");
  EXPECT_EQ(ScanIds(Range("", "2025")), "old:0");
  EXPECT_EQ(ScanIds(Range("2025-06", "")), "year:0 new:0");
  EXPECT_EQ(ScanIds(Range("2026", "")), "");
  EXPECT_EQ(ScanIds(Range("2025-06", ""), Newest()), "new:0 year:0");
  // An empty range matches nothing.
  EXPECT_EQ(ScanIds(Range("2025-06", "2025-06")), "");
  EXPECT_EQ(ScanIds(Range("2025-06", "2025-01")), "");
}

TEST_F(ClaimScanTest, DateFieldChoosesWhichDate) {
  ClaimFilter f = Range("2025-07", "2025-08");
  EXPECT_EQ(ScanIds(f), "year:0");  // effective: the event year
  f.date_field = claims::v1::DATE_FIELD_PUBLISHED;
  EXPECT_EQ(ScanIds(f), "year:0");  // published 2025-07-01
  f = Range("2025-03-15", "2025-03-16");
  f.date_field = claims::v1::DATE_FIELD_EVENT;
  EXPECT_EQ(ScanIds(f), "year:0 mid:0");  // mid:1 has no event date
  f.date_field = claims::v1::DATE_FIELD_PUBLISHED;
  EXPECT_EQ(ScanIds(f), "mid:0 mid:1");
}

TEST_F(ClaimScanTest, MalformedInputIsInvalidArgumentNamingTheField) {
  auto scan = [&](const ClaimFilter& f, const ScanOptions& o) {
    return reader_->Scan(f, o, [](const ScannedClaim&) { return true; });
  };
  for (const char* bad : {"2025-13", "2025-02-30", "25", "2025-1-1",
                          "2025-01-01T00:00", "yesterday", "2025-"}) {
    absl::Status from = scan(Range(bad, ""), {});
    EXPECT_TRUE(absl::IsInvalidArgument(from)) << bad << ": " << from;
    EXPECT_THAT(from.message(), HasSubstr("from")) << bad;
    absl::Status to = scan(Range("", bad), {});
    EXPECT_TRUE(absl::IsInvalidArgument(to)) << bad << ": " << to;
    EXPECT_THAT(to.message(), HasSubstr("to")) << bad;
  }
  ScanOptions o;
  for (const char* bad : {"garbage!", "AAAA", "AQ"}) {
    o.cursor = bad;
    absl::Status s = scan({}, o);
    EXPECT_TRUE(absl::IsInvalidArgument(s)) << bad << ": " << s;
    EXPECT_THAT(s.message(), HasSubstr("cursor"));
  }
}

TEST_F(ClaimScanTest, LimitAndEarlyStop) {
  ScanOptions o;
  o.limit = 2;
  EXPECT_EQ(ScanIds({}, o), "old:0 year:0");
  o.newest_first = true;
  EXPECT_EQ(ScanIds({}, o), "new:0 mid:1");
  int calls = 0;
  ASSERT_TRUE(reader_
                  ->Scan({}, {},
                         [&](const ScannedClaim&) {
                           ++calls;
                           return false;
                         })
                  .ok());
  EXPECT_EQ(calls, 1);
}

TEST_F(ClaimScanTest, CursorResumesWithoutGapOrRepeatAcrossWrites) {
  // Page 1 is "old:0 year:0"; then an article lands before the cursor
  // (never seen: the scan is past it), one lands after it, "mid" is
  // replaced with a claim after the cursor and "new" is deleted.
  auto between = [&] {
    Put(MakeAnalysis("early", "h", "2020-01-01", {MakeClaim({"a"})}));
    Put(MakeAnalysis("late", "h", "2025-05-01", {MakeClaim({"a"})}));
    Put(MakeAnalysis("mid", "h2", "2025-04-01", {MakeClaim({"b"})}));
    ASSERT_TRUE(store_->DeleteArticle("new").ok());
  };
  EXPECT_EQ(Paged({}, {}, 2, between), "old:0 year:0 | mid:0 late:0");
}

TEST_F(ClaimScanTest, CursorResumesNewestFirstAcrossWrites) {
  auto between = [&] {
    Put(MakeAnalysis("late", "h", "2026-01-01", {MakeClaim({"a"})}));
    Put(MakeAnalysis("early", "h", "2020-01-01", {MakeClaim({"a"})}));
    ASSERT_TRUE(store_->DeleteArticle("year").ok());
  };
  EXPECT_EQ(Paged({}, Newest(), 2, between),
            "new:0 mid:1 | mid:0 old:0 | early:0");
}

TEST_F(ClaimScanTest, CursorResumesEveryPageSize) {
  for (uint64_t page = 1; page <= 5; ++page) {
    std::string all;
    ScanOptions o;
    o.limit = page;
    std::string joined;
    for (int i = 0; i < 10; ++i) {
      std::vector<ScannedClaim> items = Scan({}, o);
      if (items.empty()) break;
      for (const auto& item : items)
        absl::StrAppend(&joined, item.Decode()->id(), " ");
      o.cursor = items.back().cursor;
    }
    EXPECT_EQ(joined, "old:0 year:0 mid:0 mid:1 new:0 ") << page;
  }
}

TEST_F(ClaimScanTest, ACursorWorksWithAnotherIndex) {
  // Cursors are sort keys, not index positions.
  ScanOptions o;
  o.limit = 1;
  std::vector<ScannedClaim> first = Scan({}, o);  // old:0
  ASSERT_EQ(first.size(), 1u);
  ClaimFilter f;
  f.actor_ids = {"a"};
  ScanOptions resume;
  resume.cursor = first[0].cursor;
  EXPECT_EQ(ScanIds(f, resume), "mid:0 new:0");
}

TEST_F(ClaimScanTest, ActorUnionIsMergedInOrderWithoutDuplicates) {
  ClaimFilter f;
  f.actor_ids = {"a"};
  EXPECT_EQ(ScanIds(f), "old:0 mid:0 new:0");
  f.actor_ids = {"b", "a"};
  EXPECT_EQ(ScanIds(f), "old:0 mid:0 mid:1 new:0");  // mid:0 names both
  EXPECT_EQ(ScanIds(f, Newest()), "new:0 mid:1 mid:0 old:0");
  f.actor_ids = {"a", "c", "a"};
  EXPECT_EQ(ScanIds(f), "old:0 year:0 mid:0 new:0");
  f.actor_ids = {"nobody"};
  EXPECT_EQ(ScanIds(f), "");
}

TEST_F(ClaimScanTest, ParentTopicMatchesChildren) {
  ClaimFilter f;
  f.topics = {"conflict"};
  EXPECT_EQ(ScanIds(f), "old:0 year:0 mid:0");
  f.topics = {"conflict/hostages"};
  EXPECT_EQ(ScanIds(f), "mid:0");
  f.topics = {"conflict/", "economy"};
  EXPECT_EQ(ScanIds(f), "old:0 year:0 mid:0 new:0");
  f.topics = {"confl"};  // not on a '/' boundary
  EXPECT_EQ(ScanIds(f), "");
}

TEST_F(ClaimScanTest, KindsCombineAllOf) {
  ClaimFilter f;
  f.actor_ids = {"a"};
  f.topics = {"conflict"};
  EXPECT_EQ(ScanIds(f), "old:0 mid:0");
  f.from = "2025";
  EXPECT_EQ(ScanIds(f), "mid:0");
  f.article_ids = {"old"};
  EXPECT_EQ(ScanIds(f), "");
}

TEST_F(ClaimScanTest, PostFiltersOnClaimFields) {
  Put(MakeAnalysis("x", "h", "2025-02-01",
                   {MakeClaim({"z"}), MakeClaim({"z"}), MakeClaim({"z"})}));
  auto analysis =
      MakeAnalysis("x", "h2", "2025-02-01",
                   {MakeClaim({"z"}), MakeClaim({"z"}), MakeClaim({"z"})});
  analysis.mutable_claims(1)->set_type(claims::v1::STATEMENT);
  analysis.mutable_claims(1)->set_modality(claims::v1::REPORTED);
  analysis.mutable_claims(2)->set_confidence(0.3f);
  Put(analysis);

  ClaimFilter f;
  f.actor_ids = {"z"};
  f.types = {claims::v1::STATEMENT};
  EXPECT_EQ(ScanIds(f), "x:1");
  f.types = {claims::v1::STATEMENT, claims::v1::EVENT};
  EXPECT_EQ(ScanIds(f), "x:0 x:1 x:2");
  f.types.clear();
  f.modalities = {claims::v1::ASSERTED};
  EXPECT_EQ(ScanIds(f), "x:0 x:2");
  f.modalities.clear();
  f.min_confidence = 0.5f;
  EXPECT_EQ(ScanIds(f), "x:0 x:1");
  ClaimFilter by_article;
  by_article.article_ids = {"x", "old"};
  EXPECT_EQ(ScanIds(by_article), "old:0 x:0 x:1 x:2");
  EXPECT_EQ(ScanIds(by_article, Newest()), "x:2 x:1 x:0 old:0");
  EXPECT_EQ(Paged(by_article, {}, 3, nullptr), "old:0 x:0 x:1 | x:2");
  EXPECT_EQ(Paged(by_article, Newest(), 3, nullptr), "x:2 x:1 x:0 | old:0");
  by_article.from = "2025";
  by_article.modalities = {claims::v1::ASSERTED};
  EXPECT_EQ(ScanIds(by_article), "x:0 x:2");
  // A cursor from the date index resumes an article scan.
  ScanOptions o;
  o.limit = 3;
  std::vector<ScannedClaim> first = Scan({}, o);  // old:0 year:0 x:0
  ASSERT_EQ(Ids(first), "old:0 year:0 x:0");
  o.limit = 0;
  o.cursor = first[2].cursor;
  EXPECT_EQ(ScanIds(by_article, o), "x:2");
}

TEST_F(ClaimScanTest, MatchesEveryFilterKind) {
  claims::v1::Claim claim = MakeClaim({"a"}, {"conflict/ceasefire"}, "2025-03");
  claim.set_article_id("art");
  claim.add_participants()->set_id("p");
  claim.set_published("2025-04-07");
  auto matches = [&](const ClaimFilter& f) {
    return ClaimReader::Matches(f, claim);
  };
  EXPECT_TRUE(matches({}));
  ClaimFilter f;
  f.actor_ids = {"p"};
  EXPECT_TRUE(matches(f));
  f.actor_ids = {"q"};
  EXPECT_FALSE(matches(f));
  f = {};
  f.topics = {"conflict"};
  EXPECT_TRUE(matches(f));
  f.topics = {"conflict/ceasefire/extra"};
  EXPECT_FALSE(matches(f));
  f = Range("2025-03-31", "2025-04-01");
  EXPECT_TRUE(matches(f));
  f = Range("2025-04-01", "");
  EXPECT_FALSE(matches(f));
  f.date_field = claims::v1::DATE_FIELD_PUBLISHED;
  EXPECT_TRUE(matches(f));
  f = Range("bad", "");
  EXPECT_FALSE(matches(f));
  f = {};
  f.article_ids = {"other"};
  EXPECT_FALSE(matches(f));
  f.article_ids = {"art"};
  EXPECT_TRUE(matches(f));
  f.modalities = {claims::v1::NEGATED};
  EXPECT_FALSE(matches(f));
  f = {};
  f.min_confidence = 0.9f;
  EXPECT_FALSE(matches(f));
}

TEST_F(ClaimScanTest, UnknownDatesSortFirstAndMatchNoRange) {
  Put(MakeAnalysis("undated", "h", "", {MakeClaim({"a"})}));
  EXPECT_EQ(ScanIds({}), "undated:0 old:0 year:0 mid:0 mid:1 new:0");
  EXPECT_EQ(ScanIds(Range("0001", "")), "old:0 year:0 mid:0 mid:1 new:0");
}

// More index entries than the iterator refresh interval, scanned in pages
// and whole, both ways: nothing lost or repeated at refresh boundaries.
TEST_F(ClaimScanTest, LongScansSurviveIteratorRefresh) {
  constexpr int kClaims = 9000;
  std::vector<claims::v1::Claim> claims;
  for (int i = 0; i < kClaims; ++i) {
    // Every third claim names "z", so the filtered scan skips entries.
    claims.push_back(MakeClaim(
        {i % 3 == 0 ? "z" : "y"}, {},
        absl::StrCat("2023-", 1 + (i % 12) < 10 ? "0" : "", 1 + (i % 12))));
  }
  Put(MakeAnalysis("big", "h", "2023-01-01", std::move(claims)));

  std::vector<ScannedClaim> all = Scan({});
  EXPECT_EQ(all.size(), kClaims + 5u);
  std::vector<ScannedClaim> reversed = Scan({}, Newest());
  ASSERT_EQ(reversed.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(all[i].Decode()->id(),
              reversed[all.size() - 1 - i].Decode()->id())
        << i;
  }
  ClaimFilter f;
  f.actor_ids = {"y", "z"};
  f.types = {claims::v1::EVENT};
  f.to = "2024";
  EXPECT_EQ(Scan(f).size(), static_cast<size_t>(kClaims));
  ClaimFilter only_z;
  only_z.actor_ids = {"y"};
  only_z.article_ids = {"nothing-matches"};
  EXPECT_EQ(Scan(only_z).size(), 0u);

  // Cancellation is polled at refreshes.
  ScanOptions o;
  o.keep_going = [] { return false; };
  absl::Status s =
      reader_->Scan(only_z, o, [](const ScannedClaim&) { return true; });
  EXPECT_TRUE(absl::IsCancelled(s)) << s;
}


// Every query kind against a brute-force oracle (ClaimReader::Matches over
// all claims, ordered by sort key) on a random corpus mixing day, month,
// year and missing dates, so the span partitions, their merge and the
// index-decided date checks are exercised together.
class ClaimScanOracleTest : public testing::StoreTest {};

TEST_F(ClaimScanOracleTest, ScanAgreesWithBruteForce) {
  std::mt19937 rng(20261125);
  auto pick = [&](int n) {
    return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng));
  };
  const std::vector<std::string> actors = {"a", "b", "c", "d", "e"};
  const std::vector<std::string> topics = {"conflict", "conflict/ceasefire",
                                           "economy/trade", "diplomacy"};
  auto random_date = [&]() -> std::string {
    const int year = 2023 + pick(3);
    const int month = 1 + pick(12);
    switch (pick(5)) {
      case 0:
        return "";  // publication date only
      case 1:
        return absl::StrCat(year);
      case 2:
        return absl::StrFormat("%d-%02d", year, month);
      default:
        return absl::StrFormat("%d-%02d-%02d", year, month, 1 + pick(28));
    }
  };
  struct Expected {
    std::string sort_key;
    claims::v1::Claim claim;
  };
  std::vector<Expected> all;
  for (int a = 0; a < 60; ++a) {
    const std::string id = absl::StrCat("art", a);
    std::vector<claims::v1::Claim> claims;
    for (int i = 0, n = 1 + pick(6); i < n; ++i) {
      std::vector<std::string> named = {actors[pick(5)]};
      if (pick(2) == 0) named.push_back(actors[pick(5)]);
      if (named.size() == 2 && named[0] == named[1]) named.pop_back();
      claims::v1::Claim claim = MakeClaim(named, {topics[pick(4)]},
                                          random_date());
      if (pick(3) == 0) claim.set_modality(claims::v1::REPORTED);
      claims.push_back(std::move(claim));
    }
    const std::string published = random_date();
    claims::v1::AnalyzeResponse analysis = MakeAnalysis(
        id, "h", published.size() == 10 ? published : "2024-06-15", claims);
    Put(analysis);
    for (int i = 0; i < analysis.claims_size(); ++i) {
      claims::v1::Claim claim = analysis.claims(i);
      claim.set_sequence(static_cast<uint64_t>(a) + 1);
      all.push_back({store_internal::SortKey(
                         store_internal::ClaimIndexedPeriod(claim).start, id,
                         static_cast<uint32_t>(i)),
                     claim});
    }
  }
  std::sort(all.begin(), all.end(), [](const Expected& x, const Expected& y) {
    return x.sort_key < y.sort_key;
  });

  const claims::v1::DateField fields[] = {claims::v1::DATE_FIELD_EFFECTIVE,
                                          claims::v1::DATE_FIELD_EVENT,
                                          claims::v1::DATE_FIELD_PUBLISHED};
  for (int q = 0; q < 300; ++q) {
    ClaimFilter filter;
    if (pick(3) == 0) filter.actor_ids = {actors[pick(5)], actors[pick(5)]};
    if (pick(3) == 0) filter.topics = {topics[pick(4)]};
    if (pick(4) != 0) {
      const int year = 2023 + pick(3);
      const int month = 1 + pick(12);
      filter.from = absl::StrFormat("%d-%02d-%02d", year, month, 1 + pick(28));
      filter.to = pick(2) == 0 ? absl::StrFormat("%d-%02d", year + pick(2),
                                                 1 + pick(12))
                               : "";
    }
    filter.date_field = fields[pick(3)];
    if (pick(5) == 0) filter.modalities = {claims::v1::REPORTED};
    ScanOptions options;
    options.newest_first = pick(2) == 0;

    std::vector<std::string> expected;
    for (const Expected& e : all) {
      if (ClaimReader::Matches(filter, e.claim)) expected.push_back(e.claim.id());
    }
    if (options.newest_first) std::reverse(expected.begin(), expected.end());
    const std::string description = absl::StrCat(
        "query ", q, ": actors ", absl::StrJoin(filter.actor_ids, ","),
        " topics ", absl::StrJoin(filter.topics, ","), " [", filter.from, ", ",
        filter.to, ") field ", filter.date_field,
        options.newest_first ? " newest" : "");
    ASSERT_EQ(ScanIds(filter, options), absl::StrJoin(expected, " "))
        << description;
    // The same result in pages, each resumed from the last cursor.
    std::vector<std::string> paged;
    options.limit = 1 + pick(7);
    for (size_t page = 0; page <= expected.size(); ++page) {
      std::vector<ScannedClaim> items = Scan(filter, options);
      if (items.empty()) break;
      for (const ScannedClaim& item : items) paged.push_back(item.Decode()->id());
      options.cursor = items.back().cursor;
    }
    ASSERT_EQ(absl::StrJoin(paged, " "), absl::StrJoin(expected, " "))
        << description << " in pages of " << options.limit;
  }
}

}  // namespace
}  // namespace claims
