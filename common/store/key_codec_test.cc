// The key codec: integer order, ranges, sort keys, aliases and cursors.
#include "common/store/key_codec.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::store_internal {
namespace {

TEST(KeyCodecTest, BigEndianIntegersSortNumerically) {
  std::string a, b, c;
  PutBigEndian64(&a, 9);
  PutBigEndian64(&b, 256);
  PutBigEndian64(&c, UINT64_MAX);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(DecodeBigEndian64(b), 256u);
  EXPECT_EQ(DecodeBigEndian64(c), UINT64_MAX);
  EXPECT_LT(ChangeKey(255), ChangeKey(256));
  std::string d;
  PutBigEndian32(&d, 0x01020304);
  EXPECT_EQ(d, std::string("\x01\x02\x03\x04", 4));
  EXPECT_EQ(DecodeBigEndian32(d), 0x01020304u);
}

TEST(KeyCodecTest, PrefixRanges) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixSuccessor("\xff\xff"), "");
  const PeriodSpan day = PeriodSpan::kDay;
  KeyRange r = PrefixRange(ActorIndexPrefix("ann", day));
  EXPECT_LE(r.lower, ActorIndexPrefix("ann", day) + "9999");
  EXPECT_LT(ActorIndexPrefix("ann", day) + "\xff", r.upper);
  // "anna" is not under "ann": ids are terminated.
  EXPECT_GE(ActorIndexPrefix("anna", day), r.upper);
  // Span partitions of one actor do not overlap.
  EXPECT_GE(ActorIndexPrefix("ann", PeriodSpan::kMonth), r.upper);
}

TEST(KeyCodecTest, IndexValuesCarryPeriodEndAndClaim) {
  const std::string value = EncodeIndexValue("2025-04-08", "claim-bytes");
  std::optional<IndexValue> decoded = DecodeIndexValue(value);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->period_end, "2025-04-08");
  EXPECT_EQ(decoded->claim, "claim-bytes");
  EXPECT_EQ(DecodeIndexValue(EncodeIndexValue("0000-00-00", ""))->claim, "");
  EXPECT_FALSE(DecodeIndexValue("2025").has_value());
}

TEST(KeyCodecTest, SortKeysOrderByDateThenArticleThenPosition) {
  const std::string k1 = SortKey("2024-01-01", "zzz", 7);
  const std::string k2 = SortKey("2025-01-01", "a", 2);
  const std::string k3 = SortKey("2025-01-01", "a", 10);
  const std::string k4 = SortKey("2025-01-01", "ab", 0);
  EXPECT_LT(k1, k2);
  EXPECT_LT(k2, k3);
  EXPECT_LT(k3, k4);  // a shorter article id sorts before its extensions
  EXPECT_TRUE(IsValidSortKey(k3));
  EXPECT_FALSE(IsValidSortKey("2025-01-01"));
  EXPECT_FALSE(IsValidSortKey(SortKey("2025-01-01", "", 1)));
}

TEST(KeyCodecTest, CursorsRoundTripAndRejectForgeries) {
  const std::string key = SortKey("2025-04-07", "art", 3);
  const std::string cursor = EncodeCursor(key);
  EXPECT_EQ(
      cursor.find_first_not_of(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_EQ(DecodeCursor(cursor), key);
  EXPECT_EQ(DecodeCursor(""), std::nullopt);
  EXPECT_EQ(DecodeCursor("!!"), std::nullopt);
  EXPECT_EQ(DecodeCursor(cursor.substr(0, cursor.size() - 2)), std::nullopt);
}

TEST(KeyCodecTest, Aliases) {
  EXPECT_EQ(NormalizeAlias("  Mr.   NETANYAHU \t"), "mr. netanyahu");
  // Beyond ASCII: full case folding.
  EXPECT_EQ(NormalizeAlias(" ÉMILE  Zola"), "émile zola");
  EXPECT_EQ(NormalizeAlias("Straße"), NormalizeAlias("STRASSE"));
  EXPECT_EQ(NormalizeAlias("ΣΩΚΡΆΤΗΣ"), NormalizeAlias("σωκράτης"));
  const std::string key = AliasKey("bibi", "benjamin-netanyahu");
  EXPECT_EQ(ActorIdFromAliasKey(key), "benjamin-netanyahu");
  EXPECT_EQ(key.rfind(AliasExactPrefix("bibi"), 0), 0u);
  EXPECT_NE(key.rfind(AliasExactPrefix("bib"), 0), 0u);
  EXPECT_EQ(key.rfind(AliasStartsWithPrefix("bib"), 0), 0u);
  EXPECT_EQ(ActorIdFromAliasKey("Lno-separator"), std::nullopt);
}

TEST(KeyCodecTest, Counts) {
  EXPECT_EQ(DecodeCount(EncodeCount(42)), 42u);
  EXPECT_EQ(DecodeCount("bad"), 0u);
}

}  // namespace
}  // namespace claims::store_internal
