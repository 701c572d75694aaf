#include "common/store/backup.h"

#include <filesystem>
#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/store/absl_compat.h"
#include "common/store/db_options.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"

namespace claims {
namespace {

namespace si = store_internal;

// The commit sequence travels in the backup's application metadata.
constexpr absl::string_view kSequencePrefix = "sequence=";

absl::StatusOr<std::unique_ptr<rocksdb::BackupEngine>> OpenEngine(
    const std::string& backup_dir) {
  rocksdb::BackupEngine* raw = nullptr;
  rocksdb::BackupEngineOptions options(backup_dir);
  RETURN_IF_ERROR(si::FromRocks(
      rocksdb::BackupEngine::Open(options, rocksdb::Env::Default(), &raw),
      absl::StrCat("open backups in ", backup_dir)));
  return std::unique_ptr<rocksdb::BackupEngine>(raw);
}

BackupInfo FromRocksInfo(const rocksdb::BackupInfo& info) {
  BackupInfo out;
  out.id = info.backup_id;
  out.timestamp = info.timestamp;
  out.size_bytes = info.size;
  out.files = info.number_files;
  absl::string_view metadata = info.app_metadata;
  if (absl::ConsumePrefix(&metadata, kSequencePrefix)) {
    (void)absl::SimpleAtoi(metadata, &out.sequence);
  }
  return out;
}

}  // namespace

absl::StatusOr<BackupInfo> CreateBackup(rocksdb::DB* db, uint64_t sequence,
                                        const std::string& backup_dir) {
  std::error_code error;
  std::filesystem::create_directories(backup_dir, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", backup_dir, ": ", error.message()));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenEngine(backup_dir));
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  RETURN_IF_ERROR(si::FromRocks(
      engine->CreateNewBackupWithMetadata(
          options, db, absl::StrCat(kSequencePrefix, sequence), &id),
      "create backup"));
  rocksdb::BackupInfo info;
  RETURN_IF_ERROR(si::FromRocks(engine->GetBackupInfo(id, &info), "backup info"));
  return FromRocksInfo(info);
}

absl::StatusOr<std::vector<BackupInfo>> ListBackups(
    const std::string& backup_dir) {
  if (!std::filesystem::exists(backup_dir)) {
    return absl::NotFoundError(absl::StrCat("no backups in ", backup_dir));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenEngine(backup_dir));
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  if (infos.empty()) {
    return absl::NotFoundError(absl::StrCat("no backups in ", backup_dir));
  }
  std::vector<BackupInfo> out;
  for (const rocksdb::BackupInfo& info : infos) out.push_back(FromRocksInfo(info));
  return out;
}

absl::StatusOr<BackupInfo> RestoreLatestBackup(const std::string& backup_dir,
                                               const std::string& db_dir) {
  ASSIGN_OR_RETURN(std::vector<BackupInfo> backups, ListBackups(backup_dir));
  if (std::filesystem::exists(std::filesystem::path(db_dir) / "CURRENT")) {
    return absl::FailedPreconditionError(absl::StrCat(
        db_dir, " already holds a database; restore into an empty directory"));
  }
  std::error_code error;
  std::filesystem::create_directories(db_dir, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", db_dir, ": ", error.message()));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngine> engine,
                   OpenEngine(backup_dir));
  RETURN_IF_ERROR(si::FromRocks(
      engine->RestoreDBFromLatestBackup(db_dir, db_dir),
      absl::StrCat("restore into ", db_dir)));
  return backups.back();
}

}  // namespace claims
