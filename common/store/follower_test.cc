// SecondaryFollower: a RocksDB secondary instance following a live writer.
#include "common/store/follower.h"

#include <string>

#include "absl/status/status.h"
#include "common/store/key_codec.h"
#include "common/store/store_test_util.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace claims {
namespace {

using ::claims::testing::Ids;
using ::claims::testing::MakeAnalysis;
using ::claims::testing::MakeClaim;

class FollowerTest : public testing::StoreTest {
 protected:
  absl::StatusOr<std::unique_ptr<Follower>> OpenFollower(
      const std::string& primary) {
    SecondaryOptions options;
    options.secondary_dir = root_ + "/secondary";
    options.block_cache_bytes = 1 << 20;
    return OpenSecondaryFollower(primary, options);
  }

  static std::string AllIds(const Follower& follower) {
    std::vector<ScannedClaim> items;
    absl::Status s = follower.reader().Scan({}, {}, [&](const ScannedClaim& c) {
      items.push_back(c);
      return true;
    });
    return s.ok() ? Ids(items) : s.ToString();
  }
};

TEST_F(FollowerTest, UnavailableUntilTheWriterCreatedTheDatabase) {
  auto follower = OpenFollower(root_ + "/not-yet");
  EXPECT_TRUE(absl::IsUnavailable(follower.status())) << follower.status();
}

TEST_F(FollowerTest, SecondaryDirIsRequired) {
  auto follower = OpenSecondaryFollower(dir_, SecondaryOptions{});
  EXPECT_TRUE(absl::IsInvalidArgument(follower.status())) << follower.status();
}

TEST_F(FollowerTest, SeesWritesAfterCatchUp) {
  Put(MakeAnalysis("a1", "h1", "2025-01-01", {MakeClaim({"x"}, {"t/u"})}));
  auto opened = OpenFollower(dir_);
  ASSERT_TRUE(opened.ok()) << opened.status();
  Follower& follower = **opened;
  EXPECT_EQ(follower.AppliedSequence(), 1u);
  EXPECT_EQ(AllIds(follower), "a1:0");

  Put(MakeAnalysis("a2", "h2", "2025-01-02",
                   {MakeClaim({"x"}), MakeClaim({"y"})}));
  ASSERT_TRUE(follower.CatchUp().ok());
  EXPECT_EQ(follower.AppliedSequence(), 2u);
  EXPECT_EQ(AllIds(follower), "a1:0 a2:0 a2:1");
  auto article = follower.reader().GetArticle("a2");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->sequence(), 2u);

  // Replace and delete are followed too, counters included.
  Put(MakeAnalysis("a2", "h3", "2025-01-03", {MakeClaim({"y"})}));
  ASSERT_TRUE(store_->DeleteArticle("a1").ok());
  ASSERT_TRUE(follower.CatchUp().ok());
  EXPECT_EQ(follower.AppliedSequence(), 4u);
  EXPECT_EQ(AllIds(follower), "a2:0");
  auto actors = follower.reader().ListActors("", 0);
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 1u);
  EXPECT_EQ((*actors)[0].id(), "y");
  std::string changes;
  ASSERT_TRUE(follower.reader()
                  .ReadChanges(2,
                               [&](const storage::v1::ChangeRecord& c) {
                                 absl::StrAppend(&changes, c.sequence(), " ");
                                 return true;
                               })
                  .ok());
  EXPECT_EQ(changes, "3 4 ");
}

TEST_F(FollowerTest, FollowsAcrossMemtableFlushes) {
  auto opened = OpenFollower(dir_);
  ASSERT_TRUE(opened.ok()) << opened.status();
  Put(MakeAnalysis("a1", "h1", "2025-01-01", {MakeClaim({"x"})}));
  ASSERT_TRUE(store_->db()->Flush(rocksdb::FlushOptions()).ok());
  Put(MakeAnalysis("a2", "h2", "2025-01-02", {MakeClaim({"x"})}));
  ASSERT_TRUE((*opened)->CatchUp().ok());
  EXPECT_EQ((*opened)->AppliedSequence(), 2u);
  EXPECT_EQ(AllIds(**opened), "a1:0 a2:0");
}

TEST_F(FollowerTest, FormatVersionMismatchIsFailedPrecondition) {
  ASSERT_TRUE(store_->db()
                  ->Put(rocksdb::WriteOptions(),
                        store_internal::FormatVersionKey(), "99")
                  .ok());
  auto follower = OpenFollower(dir_);
  EXPECT_EQ(follower.status().code(), absl::StatusCode::kFailedPrecondition)
      << follower.status();
}

}  // namespace
}  // namespace claims
