// The replicated log against the in-memory fake: the writer's append
// protocol (unchanged, fencing, dedup) and the follower's verification
// (gap, duplicate, broken chain) and exact resume.
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "common/log/log_follower.h"
#include "common/log/log_writer.h"
#include "common/log/memory_log.h"
#include "common/log/record.h"
#include "common/store/store_test_util.h"
#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using claims::storage::v1::LogRecord;
using claims::testing::MakeAnalysis;
using claims::testing::MakeClaim;

claims::v1::AnalyzeResponse Article(const std::string& id,
                                    const std::string& hash, int claims = 2) {
  std::vector<claims::v1::Claim> list;
  for (int i = 0; i < claims; ++i) {
    list.push_back(MakeClaim({"actor-" + id, "israel"}, {"conflict/ceasefire"},
                             "2025-04-07"));
  }
  auto analysis = MakeAnalysis(id, hash, "2025-04-07", std::move(list));
  analysis.mutable_article()->set_extractor_version("x1");
  return analysis;
}

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ScratchPath("log");
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<LogWriter> Writer(uint32_t shards = 1) {
    LogWriterOptions options;
    options.shards = shards;
    options.retry_for = absl::Seconds(1);
    auto writer = std::make_unique<LogWriter>(&log_, options);
    EXPECT_TRUE(writer->Init().ok());
    return writer;
  }

  absl::StatusOr<std::unique_ptr<LogFollower>> Follower(uint32_t shard = 0,
                                                        std::string name = "r") {
    LogFollowerOptions options;
    options.shard = shard;
    options.replica_dir = (dir_ / name).string();
    options.wait = absl::Milliseconds(1);
    return LogFollower::Open(&log_, options);
  }

  // Catches up until nothing new arrives.
  static void Drain(LogFollower& f) {
    for (int i = 0; i < 5; ++i) (void)f.CatchUp();
  }

  uint64_t Last(uint32_t shard = 0) { return log_.State(shard)->last_position; }

  // The entry data of a record that follows `after` (position in shard 0)
  // with the given writer sequence and digest.
  std::string Forge(uint64_t writer_seq, std::string prev_digest,
                    const std::string& id) {
    LogRecord record = *logrec::MakePut(Article(id, "h-" + id));
    record.set_writer_seq(writer_seq);
    record.set_prev_digest(std::move(prev_digest));
    return logrec::Encode(record);
  }

  std::filesystem::path dir_;
  MemoryLog log_;
};

TEST_F(LogTest, FollowerAppliesWhatTheWriterAppended) {
  auto writer = Writer();
  auto a = writer->Put(Article("a", "h1"));
  auto b = writer->Put(Article("b", "h2", 3));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sequence, 1u);
  EXPECT_EQ(b->sequence, 2u);
  EXPECT_EQ(Last(), 3u);  // genesis + 2

  auto follower = Follower();
  ASSERT_TRUE(follower.ok()) << follower.status();
  Drain(**follower);
  EXPECT_EQ((*follower)->AppliedSequence(), 2u);
  EXPECT_TRUE((*follower)->Health().ok());
  auto stored = (*follower)->reader().GetArticle("b");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->claim_count(), 3u);
  EXPECT_EQ(stored->sequence(), 2u);
}

TEST_F(LogTest, UnchangedReingestAppendsNothing) {
  auto writer = Writer();
  ASSERT_TRUE(writer->Put(Article("a", "h1")).ok());
  const uint64_t before = Last();
  auto again = writer->Put(Article("a", "h1"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->sequence, 1u);
  EXPECT_EQ(Last(), before);
  auto changed = writer->Put(Article("a", "h2"));
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(changed->replaced);
  EXPECT_EQ(changed->sequence, 2u);
}

TEST_F(LogTest, DeleteIsLoggedAndAppliedAndMissingIsNotFound) {
  auto writer = Writer();
  ASSERT_TRUE(writer->Put(Article("a", "h1", 4)).ok());
  auto deleted = writer->Delete("a");
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->claims_deleted, 4u);
  EXPECT_EQ(deleted->sequence, 2u);
  EXPECT_TRUE(absl::IsNotFound(writer->Delete("a").status()));
  auto follower = Follower();
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_EQ((*follower)->AppliedSequence(), 2u);
  EXPECT_TRUE(absl::IsNotFound((*follower)->reader().GetArticle("a").status()));
}

TEST_F(LogTest, StaleWriterIsFencedAndRetriesOnTheNewTail) {
  auto one = Writer();
  auto two = Writer();
  ASSERT_TRUE(one->Put(Article("a", "h1")).ok());  // one caches the tail
  ASSERT_TRUE(two->Put(Article("b", "h1")).ok());  // one's tail is stale now
  int conflicts = 0;
  LogWriterOptions options;
  options.on_outcome = [&](std::string_view o) { conflicts += o == "conflict"; };
  LogWriter counted(&log_, options);
  ASSERT_TRUE(counted.Put(Article("c", "h1")).ok());  // fresh: no conflict
  auto d = one->Put(Article("d", "h1"));
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->sequence, 4u);
  auto follower = Follower();
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_TRUE((*follower)->Health().ok()) << (*follower)->Health();
  EXPECT_EQ((*follower)->AppliedSequence(), 4u);
  EXPECT_EQ(conflicts, 0);
}

TEST_F(LogTest, LostAckIsRetriedAndDeduplicated) {
  auto writer = Writer();
  log_.LoseNextAcks(1);
  auto a = writer->Put(Article("a", "h1"));
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->sequence, 1u);
  EXPECT_EQ(Last(), 2u);  // stored once
  ASSERT_TRUE(writer->Put(Article("b", "h1")).ok());
  EXPECT_EQ(Last(), 3u);
}

TEST_F(LogTest, PhantomDuplicateStopsTheReplica) {
  auto writer = Writer();
  ASSERT_TRUE(writer->Put(Article("a", "h1")).ok());
  // An isolated old leader kept a record with the same writer sequence.
  const LogEntry genesis = *log_.Get(0, 1);
  log_.AppendUnchecked(0, "k", Forge(1, logrec::Digest(genesis.data), "x"));
  int failures = 0;
  LogFollowerOptions options;
  options.replica_dir = (dir_ / "r").string();
  options.wait = absl::Milliseconds(1);
  options.on_verify_failure = [&](const absl::Status&) { ++failures; };
  auto follower = LogFollower::Open(&log_, options);
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_TRUE(absl::IsDataLoss((*follower)->Health()));
  EXPECT_NE((*follower)->Health().message().find("duplicate"), std::string::npos)
      << (*follower)->Health();
  EXPECT_EQ((*follower)->AppliedSequence(), 1u);
  EXPECT_EQ(failures, 1);
  EXPECT_EQ((*follower)->verify_failures(), 1u);
}

TEST_F(LogTest, BrokenChainStopsTheReplica) {
  auto writer = Writer();
  ASSERT_TRUE(writer->Put(Article("a", "h1")).ok());
  log_.AppendUnchecked(0, "k", Forge(2, std::string(32, 'x'), "x"));
  auto follower = Follower();
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_NE((*follower)->Health().message().find("broken chain"), std::string::npos)
      << (*follower)->Health();
  EXPECT_EQ((*follower)->AppliedSequence(), 1u);
}

TEST_F(LogTest, HoleStopsTheReplicaAndNothingAfterIsApplied) {
  auto writer = Writer();
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(writer->Put(Article(id, "h")).ok());
  log_.Drop(0, 3);  // b's record
  auto follower = Follower();
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_NE((*follower)->Health().message().find("gap"), std::string::npos);
  EXPECT_EQ((*follower)->AppliedSequence(), 1u);
  EXPECT_TRUE(absl::IsNotFound((*follower)->reader().GetArticle("c").status()));
}

TEST_F(LogTest, ReopenedReplicaResumesExactlyWithoutDoubleApply) {
  auto writer = Writer();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(writer->Put(Article(absl::StrCat("a", i), "h")).ok());
  {
    auto follower = Follower();
    ASSERT_TRUE(follower.ok());
    Drain(**follower);
    EXPECT_EQ((*follower)->AppliedSequence(), 5u);
  }
  for (int i = 5; i < 8; ++i) ASSERT_TRUE(writer->Put(Article(absl::StrCat("a", i), "h")).ok());
  auto follower = Follower();
  ASSERT_TRUE(follower.ok());
  Drain(**follower);
  EXPECT_EQ((*follower)->records_applied(), 3u);
  EXPECT_EQ((*follower)->AppliedSequence(), 8u);
  EXPECT_EQ((*follower)->position().position(), 9u);
  EXPECT_TRUE((*follower)->Health().ok());
}

TEST_F(LogTest, ReplicaBehindTheRetainedLogRefusesToSkip) {
  auto writer = Writer();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(writer->Put(Article(absl::StrCat("a", i), "h")).ok());
  log_.TruncateBefore(0, 3);
  auto follower = Follower();
  EXPECT_TRUE(absl::IsFailedPrecondition(follower.status())) << follower.status();
  EXPECT_NE(follower.status().message().find("checkpoint"), std::string::npos);
}

TEST_F(LogTest, ShardCountIsFixedAtCreation) {
  auto writer = Writer(1);
  LogWriterOptions options;
  options.shards = 2;
  LogWriter other(&log_, options);
  EXPECT_TRUE(absl::IsFailedPrecondition(other.Init()));
  auto count = ReadShardCount(&log_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1u);
}

TEST_F(LogTest, ShardsSplitArticlesAndEachReplicaVerifiesItsOwn) {
  auto writer = Writer(2);
  int per_shard[2] = {0, 0};
  for (int i = 0; i < 20; ++i) {
    const std::string id = absl::StrCat("art", i);
    ASSERT_TRUE(writer->Put(Article(id, "h")).ok());
    ++per_shard[logrec::ShardOf(id, 2)];
  }
  EXPECT_GT(per_shard[0], 0);
  EXPECT_GT(per_shard[1], 0);
  for (uint32_t shard = 0; shard < 2; ++shard) {
    auto follower = Follower(shard, absl::StrCat("r", shard));
    ASSERT_TRUE(follower.ok());
    Drain(**follower);
    EXPECT_TRUE((*follower)->Health().ok());
    EXPECT_EQ((*follower)->AppliedSequence(), static_cast<uint64_t>(per_shard[shard]));
  }
}

TEST(LogRecordTest, PayloadRoundTripsCompressed) {
  auto analysis = Article("a", "h1", 50);
  auto record = logrec::MakePut(analysis);
  ASSERT_TRUE(record.ok());
  EXPECT_LT(record->payload().size(), analysis.ByteSizeLong());
  auto back = logrec::Payload(*logrec::Decode(logrec::Encode(*record)));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->claims_size(), 50);
  EXPECT_EQ(back->article().content_hash(), "h1");
  EXPECT_TRUE(absl::IsDataLoss(logrec::Decode("garbage\xff").status()));
}

}  // namespace
}  // namespace claims
