#include "common/store/follower.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/store/absl_compat.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"

namespace claims {
namespace {

namespace si = store_internal;

// Follows the writer through a RocksDB secondary instance on the same
// filesystem: CatchUp() replays the writer's new MANIFEST and WAL entries.
class SecondaryFollower final : public Follower {
 public:
  explicit SecondaryFollower(std::unique_ptr<rocksdb::DB> db)
      : db_(std::move(db)), reader_(db_.get()) {}

  absl::Status CatchUp() override {
    return si::FromRocks(db_->TryCatchUpWithPrimary(), "catch up with writer");
  }

  uint64_t AppliedSequence() const override {
    return reader_.AppliedSequence();
  }

  const ClaimReader& reader() const override { return reader_; }

 private:
  std::unique_ptr<rocksdb::DB> db_;
  ClaimReader reader_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Follower>> OpenSecondaryFollower(
    const std::string& primary_dir, const SecondaryOptions& options) {
  namespace fs = std::filesystem;
  if (options.secondary_dir.empty()) {
    return absl::InvalidArgumentError("secondary_dir must be set");
  }
  std::error_code ec;
  if (fs::weakly_canonical(options.secondary_dir, ec) ==
      fs::weakly_canonical(primary_dir, ec)) {
    return absl::InvalidArgumentError(
        "secondary_dir must differ from the writer's directory");
  }
  if (!fs::exists(fs::path(primary_dir) / "CURRENT", ec)) {
    return absl::UnavailableError(
        absl::StrCat(primary_dir, ": no database yet (writer not started)"));
  }
  fs::create_directories(options.secondary_dir, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("create ", options.secondary_dir, ": ", ec.message()));
  }
  rocksdb::DB* raw = nullptr;
  RETURN_IF_ERROR(
      si::FromRocks(rocksdb::DB::OpenAsSecondary(
                        si::SecondaryDbOptions(options.block_cache_bytes),
                        primary_dir, options.secondary_dir, &raw),
                    absl::StrCat("open ", primary_dir, " as secondary")));
  std::unique_ptr<rocksdb::DB> db(raw);

  ASSIGN_OR_RETURN(const bool present,
                   si::CheckFormatVersion(db.get(), primary_dir));
  if (!present) {
    // The writer creates the database before it records the version.
    return absl::UnavailableError(
        absl::StrCat(primary_dir, ": format version not written yet"));
  }
  return std::unique_ptr<Follower>(new SecondaryFollower(std::move(db)));
}

}  // namespace claims
