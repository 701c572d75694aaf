// MemoryLog: an in-memory Log for unit tests, with the engine's semantics
// (compare-and-append, message-id dedup checked before the compare) and
// hooks that inject the faults the scale-out study saw in JetStream: a
// phantom entry, a hole, a duplicated delivery.
//
// Thread-safe.
#ifndef CLAIMS_COMMON_LOG_MEMORY_LOG_H_
#define CLAIMS_COMMON_LOG_MEMORY_LOG_H_

#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "common/log/log.h"

namespace claims {

class MemoryLog final : public Log {
 public:
  MemoryLog() = default;

  absl::Status EnsureShards(uint32_t shards) override;
  absl::StatusOr<AppendAck> Append(uint32_t shard, std::string_view key,
                                   std::string_view data,
                                   uint64_t expected_last,
                                   std::string_view msg_id) override;
  absl::StatusOr<LogEntry> Get(uint32_t shard, uint64_t position) override;
  absl::StatusOr<std::optional<LogEntry>> LastForKey(
      uint32_t shard, std::string_view key) override;
  absl::StatusOr<ShardState> State(uint32_t shard) override;
  absl::StatusOr<std::unique_ptr<LogReader>> Read(uint32_t shard,
                                                  uint64_t from) override;

  // Fault injection. Appends `data` with no check at all (a phantom write
  // an isolated leader kept).
  void AppendUnchecked(uint32_t shard, std::string key, std::string data);
  // Removes the entry at `position` (a hole); later positions keep theirs.
  void Drop(uint32_t shard, uint64_t position);
  // Makes the next N Append calls fail with UNAVAILABLE *after* storing the
  // entry (the ack was lost).
  void LoseNextAcks(int n);
  // Removes every entry before `position` (retention cut the head).
  void TruncateBefore(uint32_t shard, uint64_t position);

 private:
  struct Shard {
    std::map<uint64_t, LogEntry> entries;
    uint64_t last = 0;
    std::map<std::string, uint64_t, std::less<>> ids;  // msg id -> position
  };
  absl::StatusOr<Shard*> Find(uint32_t shard)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  friend class MemoryLogReader;
  mutable absl::Mutex mu_;
  std::vector<Shard> shards_ ABSL_GUARDED_BY(mu_);
  int lose_acks_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_MEMORY_LOG_H_
