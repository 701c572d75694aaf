#include "query_svc/replica_backup.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "common/log/memory_log.h"
#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

namespace fs = std::filesystem;

class ReplicaBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ScratchPath("replica-backup");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_TRUE(log_.EnsureShards(1).ok());
    for (int i = 1; i <= 20; ++i) {
      ASSERT_TRUE(log_.Append(0, "k", "record", i == 1 ? 0 : i - 1, absl::StrCat("m", i)).ok());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A backup folder as BackupReplica leaves it (only CURRENT matters here).
  void MakeBackup(const std::string& name, bool complete = true) {
    const fs::path at = dir_ / "backups" / "shard-0" / name;
    fs::create_directories(at);
    if (complete) std::ofstream(at / "CURRENT") << "MANIFEST-000001\n";
  }
  std::string backups() const { return (dir_ / "backups").string(); }
  std::string replica() const { return (dir_ / "replica").string(); }

  fs::path dir_;
  MemoryLog log_;
};

TEST_F(ReplicaBackupTest, ListsCompleteBackupsNewestFirst) {
  MakeBackup("position-00000000000000000003");
  MakeBackup("position-00000000000000000012");
  MakeBackup("position-00000000000000000015", /*complete=*/false);  // a copy in progress
  MakeBackup("notes");
  std::vector<ReplicaBackup> listed = ListReplicaBackups(backups(), 0);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].log_position, 12u);
  EXPECT_EQ(listed[1].log_position, 3u);
  EXPECT_TRUE(ListReplicaBackups(backups(), 1).empty());
}

TEST_F(ReplicaBackupTest, CopiesTheNewestBackupTheLogStillReachesBackTo) {
  MakeBackup("position-00000000000000000003");
  MakeBackup("position-00000000000000000012");
  log_.TruncateBefore(0, 10);
  auto restored = BootstrapFromBackup(&log_, 0, backups(), replica());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(restored->log_position, 12u);
  EXPECT_TRUE(fs::exists(fs::path(replica()) / "CURRENT"));
  EXPECT_FALSE(fs::exists(replica() + ".partial"));
}

TEST_F(ReplicaBackupTest, RefusesWhenTheLogNoLongerReachesBackToTheBackup) {
  MakeBackup("position-00000000000000000003");
  log_.TruncateBefore(0, 10);  // records 4..9 are gone
  auto refused = BootstrapFromBackup(&log_, 0, backups(), replica());
  EXPECT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  EXPECT_NE(refused.status().message().find("refusing to skip records 4..9"), std::string::npos)
      << refused.status();
  EXPECT_FALSE(fs::exists(replica()));  // nothing half-made to start from
}

TEST_F(ReplicaBackupTest, WithoutABackupReplaysTheWholeLogOnlyIfItIsAllThere) {
  auto whole = BootstrapFromBackup(&log_, 0, backups(), replica());
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_TRUE(whole->dir.empty());
  EXPECT_FALSE(fs::exists(replica()));
  log_.TruncateBefore(0, 5);
  auto refused = BootstrapFromBackup(&log_, 0, backups(), replica());
  EXPECT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
}

TEST_F(ReplicaBackupTest, AFailedCopyLeavesNothingBehind) {
  auto made = BackupReplica("127.0.0.1:1", backups(), 3);
  EXPECT_FALSE(made.ok());
  ASSERT_TRUE(fs::exists(backups()));
  EXPECT_TRUE(fs::is_empty(backups()));
}

TEST_F(ReplicaBackupTest, ParsesTheFileScheme) {
  EXPECT_TRUE(IsBackupSource("file:///var/backups/claims"));
  EXPECT_EQ(BackupSourcePath("file:///var/backups/claims"), "/var/backups/claims");
  EXPECT_FALSE(IsBackupSource("replica-0.query:50052"));
}

}  // namespace
}  // namespace claims
