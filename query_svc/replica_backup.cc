#include "query_svc/replica_backup.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "query_svc/checkpoint_fetch.h"
#include "spdlog/spdlog.h"

namespace claims {
namespace {

namespace fs = std::filesystem;

constexpr char kPositionPrefix[] = "position-";

fs::path ShardDir(const std::string& backup_dir, uint32_t shard) {
  return fs::path(backup_dir) / absl::StrCat("shard-", shard);
}

std::string PositionName(uint64_t position) {
  return absl::StrFormat("%s%020d", kPositionPrefix, position);
}

}  // namespace

bool IsBackupSource(const std::string& bootstrap_from) {
  return absl::StartsWith(bootstrap_from, kBackupScheme);
}

std::string BackupSourcePath(const std::string& bootstrap_from) {
  return std::string(absl::StripPrefix(bootstrap_from, kBackupScheme));
}

std::vector<ReplicaBackup> ListReplicaBackups(const std::string& backup_dir,
                                              uint32_t shard) {
  std::vector<ReplicaBackup> backups;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(ShardDir(backup_dir, shard), ec)) {
    const std::string filename = entry.path().filename().string();
    absl::string_view name = filename;
    uint64_t position = 0;
    if (!entry.is_directory() || !absl::ConsumePrefix(&name, kPositionPrefix) ||
        !absl::SimpleAtoi(name, &position) || !fs::exists(entry.path() / "CURRENT", ec)) {
      continue;
    }
    ReplicaBackup backup;
    backup.dir = entry.path().string();
    backup.shard = shard;
    backup.log_position = position;
    backups.push_back(std::move(backup));
  }
  std::sort(backups.begin(), backups.end(), [](const auto& a, const auto& b) {
    return a.log_position > b.log_position;
  });
  return backups;
}

absl::StatusOr<ReplicaBackup> BackupReplica(const std::string& replica,
                                            const std::string& backup_dir, int keep,
                                            const std::string& bearer_token) {
  std::error_code ec;
  fs::create_directories(backup_dir, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("create ", backup_dir, ": ", ec.message()));
  // Copied under a temporary name first: the shard and position are known
  // from the stream's first chunk only.
  const fs::path incoming =
      fs::path(backup_dir) / absl::StrCat(".incoming-", absl::ToUnixNanos(absl::Now()));
  absl::StatusOr<claims::v1::CheckpointChunk> header =
      FetchCheckpoint(replica, incoming.string(), bearer_token);
  if (!header.ok()) {
    fs::remove_all(incoming.string() + ".partial", ec);  // what a broken copy left
    return header.status();
  }
  ReplicaBackup backup;
  backup.shard = header->shard();
  backup.log_position = header->log_position();
  backup.sequence = header->sequence();
  const fs::path shard_dir = ShardDir(backup_dir, backup.shard);
  const fs::path target = shard_dir / PositionName(backup.log_position);
  backup.dir = target.string();
  fs::create_directories(shard_dir, ec);
  if (fs::exists(target / "CURRENT", ec)) {
    fs::remove_all(incoming, ec);  // the same position holds the same data
  } else {
    fs::remove_all(target, ec);
    fs::rename(incoming, target, ec);
    if (ec) {
      return absl::UnavailableError(absl::StrCat("rename to ", target.string(), ": ",
                                                 ec.message()));
    }
  }
  if (keep > 0) {
    std::vector<ReplicaBackup> all = ListReplicaBackups(backup_dir, backup.shard);
    for (size_t i = static_cast<size_t>(keep); i < all.size(); ++i) {
      fs::remove_all(all[i].dir, ec);
    }
  }
  return backup;
}

absl::StatusOr<ReplicaBackup> BootstrapFromBackup(Log* log, uint32_t shard,
                                                  const std::string& backup_dir,
                                                  const std::string& replica_dir) {
  std::error_code ec;
  if (fs::exists(replica_dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(replica_dir, " already exists"));
  }
  absl::StatusOr<ShardState> state = log->State(shard);
  if (!state.ok()) return state.status();
  std::vector<ReplicaBackup> backups = ListReplicaBackups(backup_dir, shard);
  if (backups.empty()) {
    if (state->first_position > 1) {
      return absl::FailedPreconditionError(absl::StrCat(
          "no backup of shard ", shard, " in ", backup_dir, ", and the log starts at position ",
          state->first_position, ", not at its beginning: refusing to skip records; "
          "take a backup of a healthy replica (claimctl replica-backup) or bootstrap "
          "from a peer (--bootstrap_from=HOST:PORT)"));
    }
    spdlog::warn("no backup of shard {} in {}: replaying the whole log", shard, backup_dir);
    ReplicaBackup nothing;
    nothing.shard = shard;
    return nothing;
  }
  const ReplicaBackup& newest = backups.front();
  if (state->first_position > newest.log_position + 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the log no longer reaches back to the newest backup of shard ", shard, " (",
        newest.dir, " is at position ", newest.log_position, ", the log starts at ",
        state->first_position, "): refusing to skip records ", newest.log_position + 1,
        "..", state->first_position - 1, "; take a newer backup of a healthy replica "
        "(claimctl replica-backup) or bootstrap from a peer (--bootstrap_from=HOST:PORT)"));
  }
  // Copied beside, then renamed: a crash mid-copy leaves no half database.
  const std::string partial = replica_dir + ".partial";
  fs::remove_all(partial, ec);
  fs::create_directories(fs::path(partial).parent_path(), ec);
  fs::copy(newest.dir, partial, fs::copy_options::recursive, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat("copy ", newest.dir, " to ", partial, ": ",
                                               ec.message()));
  }
  fs::rename(partial, replica_dir, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("rename ", partial, ": ", ec.message()));
  spdlog::info("bootstrapped shard {} from backup {} (position {}); replaying the log from {}",
               shard, newest.dir, newest.log_position, newest.log_position + 1);
  return newest;
}

}  // namespace claims
