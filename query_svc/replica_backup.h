// Backups of a query replica (replicated mode), and bootstrap from them.
//
// A backup is the checkpoint a healthy replica streams
// (QueryService.StreamCheckpoint: verified, consistent, the same copy a new
// replica bootstraps from over the network), kept as a folder:
//
//   <backup_dir>/shard-<S>/position-<P as 20 digits>/   a RocksDB database
//
// The log position travels inside the database; the folder name repeats it
// so the newest backup is found without opening one. A backup folder
// appears only complete (copied beside it, then renamed).
//
// A new replica started with --bootstrap_from=file://<backup_dir> copies
// the newest backup of its shard and then replays the log from the
// backup's position. When the log no longer reaches back that far
// (retention cut it), the bootstrap is refused with FAILED_PRECONDITION
// naming both positions: a replica never skips records.
//
//   claimctl replica-backup --query=replica-0:50052 --backup_dir=/backups --keep=3
//   claims-query --log=nats://... --bootstrap_from=file:///backups
//
// Thread-compatible: functions only, no shared state; two processes must
// not write the same backup folder at once.
#ifndef CLAIMS_QUERY_SVC_REPLICA_BACKUP_H_
#define CLAIMS_QUERY_SVC_REPLICA_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/log/log.h"

namespace claims {

struct ReplicaBackup {
  std::string dir;  // empty: nothing restored (see BootstrapFromBackup)
  uint32_t shard = 0;
  uint64_t log_position = 0;
  uint64_t sequence = 0;  // known right after BackupReplica only
};

// --bootstrap_from values naming a backup folder start with this.
inline constexpr char kBackupScheme[] = "file://";

// Whether `bootstrap_from` names a backup folder (file://PATH), and PATH.
bool IsBackupSource(const std::string& bootstrap_from);
std::string BackupSourcePath(const std::string& bootstrap_from);

// Streams the checkpoint of the replica at `replica` (host:port, plaintext;
// `bearer_token` sent when not empty) into a new backup folder under
// `backup_dir`, then deletes that shard's older backups beyond the newest
// `keep` (0 = keep all). A backup at the same position already there is
// kept as it is. FAILED_PRECONDITION when `replica` is not a verified
// replica.
absl::StatusOr<ReplicaBackup> BackupReplica(const std::string& replica,
                                            const std::string& backup_dir, int keep,
                                            const std::string& bearer_token = "");

// The complete backups of `shard` under `backup_dir`, newest first.
std::vector<ReplicaBackup> ListReplicaBackups(const std::string& backup_dir,
                                              uint32_t shard);

// Bootstraps the replica database `replica_dir` (which must not exist) of
// `shard` from the newest backup under `backup_dir`, after checking that
// the log still holds every record after the backup's position. With no
// backup at all and a log that still starts at its first record, restores
// nothing (an empty `dir`): the replica replays the whole log.
// FAILED_PRECONDITION when the log no longer reaches back to the newest
// backup (or, without a backup, to its start).
absl::StatusOr<ReplicaBackup> BootstrapFromBackup(Log* log, uint32_t shard,
                                                  const std::string& backup_dir,
                                                  const std::string& replica_dir);

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_REPLICA_BACKUP_H_
