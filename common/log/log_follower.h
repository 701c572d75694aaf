// LogFollower: a query replica fed by one shard of the replicated log.
//
// Applies the shard's records in order into the replica's own RocksDB
// (ClaimStore::ApplyLogged), the log position (position, writer sequence,
// digest) in the same write batch: after a crash it resumes at exactly
// the next record, never applying one twice.
//
// Before applying, every entry is verified, because the engine's own health
// signals missed every divergence the scale-out study provoked (a phantom
// record kept by an isolated leader, shifted sequences, a replica missing
// most of the stream, all reported "current"):
//   - its position is the applied one + 1 (a lower one is a redelivery and
//     is skipped; a higher one is a gap);
//   - its writer sequence is the applied one + 1 (lower: a duplicate);
//   - its prev_digest is the digest of the applied entry (the chain);
//   - it belongs to this shard, and position 1 is the genesis.
// On any mismatch nothing more is applied: Health() turns DATA_LOSS for
// good (the query server goes NOT_SERVING), `on_verify_failure` runs, and
// the reason is logged. Re-bootstrapping the replica is the remedy.
//
// Thread-safe: CatchUp() from one thread (FollowerLoop's); the rest from
// any.
#ifndef CLAIMS_COMMON_LOG_LOG_FOLLOWER_H_
#define CLAIMS_COMMON_LOG_LOG_FOLLOWER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "claims/storage/v1/records.pb.h"
#include "common/log/log.h"
#include "common/store/claim_store.h"
#include "common/store/follower.h"

namespace claims {

struct LogFollowerOptions {
  uint32_t shard = 0;
  // The replica's own database directory.
  std::string replica_dir;
  size_t block_cache_bytes = 32 << 20;
  // At most this many records per CatchUp() call, so waiters see progress.
  int max_records_per_catch_up = 2000;
  // How long CatchUp() waits for a first new record.
  absl::Duration wait = absl::Milliseconds(50);
  // No record for this long while the log has more: the reader is
  // re-opened at the next position (a consumer that stalled).
  absl::Duration stall = absl::Seconds(3);
  // Called (from CatchUp's thread) when verification fails, with the reason.
  std::function<void(const absl::Status&)> on_verify_failure;
};

class LogFollower final : public Follower {
 public:
  // Opens (creating) the replica database and positions a reader after its
  // last applied record. FAILED_PRECONDITION when the log no longer reaches
  // back to that record (retention cut it: fetch a newer checkpoint; never
  // skip) or the database belongs to another shard. `log` must outlive the
  // follower.
  static absl::StatusOr<std::unique_ptr<LogFollower>> Open(
      Log* log, LogFollowerOptions options);
  ~LogFollower() override;

  absl::Status CatchUp() override;
  uint64_t AppliedSequence() const override;
  const ClaimReader& reader() const override { return reader_; }
  // DATA_LOSS after a verification failure; UNAVAILABLE until the replica
  // has once reached the log's end as it was at open.
  absl::Status Health() const override;
  // A checkpoint beside the replica directory; FAILED_PRECONDITION unless
  // Health() is OK (never hand out what was not verified).
  absl::StatusOr<CheckpointInfo> Checkpoint() const override;
  absl::StatusOr<StateDigest> Digest() const override;

  // The applied log position.
  claims::storage::v1::LogPosition position() const;
  // The shard's last position as last seen (for lag), 0 before.
  uint64_t log_last_position() const { return log_last_.load(); }
  uint64_t records_applied() const { return records_applied_.load(); }
  uint64_t verify_failures() const { return verify_failures_.load(); }

  ClaimStore* store() { return store_.get(); }

 private:
  LogFollower(Log* log, LogFollowerOptions options,
              std::unique_ptr<ClaimStore> store,
              claims::storage::v1::LogPosition position, uint64_t target);

  // Verifies and applies one entry; false in `*skipped` for a redelivery.
  absl::Status Apply(const LogEntry& entry);
  absl::Status Verify(const LogEntry& entry,
                      const claims::storage::v1::LogRecord& record) const;
  absl::Status Fail(absl::Status reason);
  absl::Status EnsureReader();
  void RefreshLogState();

  Log* log_;
  const LogFollowerOptions options_;
  std::unique_ptr<ClaimStore> store_;
  ClaimReader reader_;
  std::unique_ptr<LogReader> log_reader_;
  absl::Time last_entry_at_;
  absl::Time last_state_at_ = absl::InfinitePast();

  mutable absl::Mutex mu_;
  claims::storage::v1::LogPosition position_ ABSL_GUARDED_BY(mu_);
  absl::Status failed_ ABSL_GUARDED_BY(mu_);
  // Caught up once: the applied position reached `target_`.
  uint64_t target_ ABSL_GUARDED_BY(mu_) = 0;
  bool caught_up_ ABSL_GUARDED_BY(mu_) = false;

  std::atomic<uint64_t> log_last_{0};
  std::atomic<uint64_t> records_applied_{0};
  std::atomic<uint64_t> verify_failures_{0};
};

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_LOG_FOLLOWER_H_
