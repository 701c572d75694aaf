// Backups of the claim database through RocksDB's BackupEngine: incremental
// (files shared between backups are copied once), consistent (taken under
// the writer's lock, so a backup holds whole articles only), and restorable
// into an empty directory while no server runs on it.
//
//   ASSIGN_OR_RETURN(BackupInfo made, store->Backup("/backups/claims"));
//   ... later, with the servers stopped ...
//   RETURN_IF_ERROR(RestoreLatestBackup("/backups/claims", "./data/db"));
#ifndef CLAIMS_COMMON_STORE_BACKUP_H_
#define CLAIMS_COMMON_STORE_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace rocksdb {
class DB;
}

namespace claims {

struct BackupInfo {
  uint32_t id = 0;
  int64_t timestamp = 0;  // seconds since the epoch
  uint64_t size_bytes = 0;
  uint32_t files = 0;
  // Commit sequence the backup holds (every write up to it, nothing after).
  uint64_t sequence = 0;
};

// Creates a new backup of `db` in `backup_dir` (created if missing). The
// caller must keep writers out for the duration (ClaimStore::Backup does).
absl::StatusOr<BackupInfo> CreateBackup(rocksdb::DB* db, uint64_t sequence,
                                        const std::string& backup_dir);

// The backups in `backup_dir`, oldest first. NOT_FOUND when there are none.
absl::StatusOr<std::vector<BackupInfo>> ListBackups(
    const std::string& backup_dir);

// Restores the latest backup of `backup_dir` into `db_dir`, which must not
// hold a database (FAILED_PRECONDITION otherwise: restoring never
// overwrites data).
absl::StatusOr<BackupInfo> RestoreLatestBackup(const std::string& backup_dir,
                                               const std::string& db_dir);

}  // namespace claims

#endif  // CLAIMS_COMMON_STORE_BACKUP_H_
