#include "common/store/backup.h"

#include "common/store/claim_reader.h"
#include "common/store/claim_store.h"
#include "common/store/store_test_util.h"
#include "gtest/gtest.h"

namespace claims::testing {
namespace {

class BackupTest : public StoreTest {};

TEST_F(BackupTest, RestoreGivesTheDatabaseAsOfTheBackup) {
  Put(MakeAnalysis("a1", "h1", "2025-01-01",
                   {MakeClaim({"x"}, {"conflict/ceasefire"}), MakeClaim({"y"})}));
  auto made = store_->Backup(root_ + "/backups");
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->id, 1u);
  EXPECT_EQ(made->sequence, 1u);
  EXPECT_GT(made->size_bytes, 0u);
  // Written after the backup: not in it.
  Put(MakeAnalysis("a2", "h2", "2025-02-01", {MakeClaim({"x"})}));
  auto second = store_->Backup(root_ + "/backups");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->id, 2u);
  EXPECT_EQ(second->sequence, 2u);

  auto listed = ListBackups(root_ + "/backups");
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].sequence, 1u);

  // Into a folder that does not exist yet.
  auto restored =
      RestoreLatestBackup(root_ + "/backups", root_ + "/restored/deeper/db");
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(restored->id, 2u);
  auto copy = ClaimStore::Open(root_ + "/restored/deeper/db", StoreOptions());
  ASSERT_TRUE(copy.ok()) << copy.status();
  ClaimReader reader((*copy)->db());
  EXPECT_EQ(reader.AppliedSequence(), 2u);
  ClaimFilter by_x;
  by_x.actor_ids = {"x"};
  std::vector<std::string> ids;
  ASSERT_TRUE(reader.Scan(by_x, {}, [&](const ScannedClaim& c) {
    ids.push_back(c.Decode()->id());
    return true;
  }).ok());
  EXPECT_EQ(absl::StrJoin(ids, " "), "a1:0 a2:0");
  auto counts = reader.TopicCounts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->size(), 2u);  // conflict, conflict/ceasefire
}

TEST_F(BackupTest, RestoreNeverOverwritesADatabase) {
  Put(MakeAnalysis("a1", "h1", "2025-01-01", {MakeClaim({"x"})}));
  ASSERT_TRUE(store_->Backup(root_ + "/backups").ok());
  auto restored = RestoreLatestBackup(root_ + "/backups", dir_);
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(BackupTest, NoBackupsIsNotFound) {
  EXPECT_EQ(ListBackups(root_ + "/none").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(RestoreLatestBackup(root_ + "/none", root_ + "/r").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace claims::testing
