// Log: the replicated, append-only log the replicated mode is built on.
//
// A log has a fixed number of shards; each shard is a totally ordered
// sequence of entries numbered from 1 (the "position"; JetStream's stream
// sequence). Every entry carries a key (the article it is about), so the
// latest entry of a key can be read back directly.
//
// What the engine guarantees is deliberately little: positions increase,
// an append can be made conditional on the shard's last position
// (compare-and-append: a stale writer is fenced) and a retried append with
// the same message id is answered with the original position (dedup).
// Nothing here is trusted to notice divergence: records carry their own
// writer sequence and digest chain (see record.h), checked by every reader.
//
// Implementations: NatsLog (NATS JetStream, nats_log.h) and MemoryLog (an
// in-memory fake for unit tests, memory_log.h). A Kafka one can follow.
//
// Thread-safe: every method may be called from any thread.
#ifndef CLAIMS_COMMON_LOG_LOG_H_
#define CLAIMS_COMMON_LOG_LOG_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace claims {

struct LogEntry {
  uint64_t position = 0;  // from 1, per shard
  std::string key;
  std::string data;
};

struct AppendAck {
  uint64_t position = 0;
  // The message id was seen before: `position` is where the earlier append
  // went, and nothing new was appended.
  bool duplicate = false;
};

struct ShardState {
  uint64_t first_position = 0;  // 0 when the shard is empty
  uint64_t last_position = 0;
};

// Reads one shard in order from a start position.
class LogReader {
 public:
  virtual ~LogReader() = default;
  // The next entry, or nullopt when none arrives within `wait`. An entry's
  // position is whatever the engine says: callers check continuity.
  virtual absl::StatusOr<std::optional<LogEntry>> Next(absl::Duration wait) = 0;
};

class Log {
 public:
  virtual ~Log() = default;

  // Creates the shards' streams when missing (idempotent). A shard count
  // different from the existing streams' is FAILED_PRECONDITION.
  [[nodiscard]] virtual absl::Status EnsureShards(uint32_t shards) = 0;

  // Appends `data` under `key` to `shard`. With `expected_last` > 0 only if
  // the shard's last position is exactly that (else ABORTED: someone else
  // appended); 0 means unconditional (only for a shard's first entry).
  // `msg_id` deduplicates retries. UNAVAILABLE or DEADLINE_EXCEEDED when
  // the outcome is unknown: retry with the same `msg_id`.
  [[nodiscard]] virtual absl::StatusOr<AppendAck> Append(
      uint32_t shard, std::string_view key, std::string_view data,
      uint64_t expected_last, std::string_view msg_id) = 0;

  // The entry at `position`; NOT_FOUND when there is none.
  [[nodiscard]] virtual absl::StatusOr<LogEntry> Get(uint32_t shard,
                                                     uint64_t position) = 0;

  // The latest entry under `key`, or nullopt.
  [[nodiscard]] virtual absl::StatusOr<std::optional<LogEntry>> LastForKey(
      uint32_t shard, std::string_view key) = 0;

  // First and last positions of `shard`; NOT_FOUND when it does not exist.
  [[nodiscard]] virtual absl::StatusOr<ShardState> State(uint32_t shard) = 0;

  // A reader of `shard` starting at `from` (>= 1).
  [[nodiscard]] virtual absl::StatusOr<std::unique_ptr<LogReader>> Read(
      uint32_t shard, uint64_t from) = 0;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_LOG_H_
