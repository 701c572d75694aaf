#include "common/log/memory_log.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace claims {

class MemoryLogReader final : public LogReader {
 public:
  MemoryLogReader(MemoryLog* log, uint32_t shard, uint64_t from)
      : log_(log), shard_(shard), next_(from) {}

  absl::StatusOr<std::optional<LogEntry>> Next(absl::Duration wait) override {
    absl::MutexLock lock(&log_->mu_);
    auto available = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(log_->mu_) {
      const auto& entries = log_->shards_[shard_].entries;
      return entries.lower_bound(next_) != entries.end();
    };
    log_->mu_.AwaitWithTimeout(absl::Condition(&available), wait);
    const auto& entries = log_->shards_[shard_].entries;
    auto it = entries.lower_bound(next_);
    if (it == entries.end()) return std::optional<LogEntry>();
    next_ = it->first + 1;
    return std::optional<LogEntry>(it->second);
  }

 private:
  MemoryLog* log_;
  uint32_t shard_;
  uint64_t next_;
};

absl::StatusOr<MemoryLog::Shard*> MemoryLog::Find(uint32_t shard) {
  if (shard >= shards_.size()) {
    return absl::NotFoundError(absl::StrCat("shard ", shard, " does not exist"));
  }
  return &shards_[shard];
}

absl::Status MemoryLog::EnsureShards(uint32_t shards) {
  absl::MutexLock lock(&mu_);
  if (shards_.empty()) {
    shards_.resize(shards);
    return absl::OkStatus();
  }
  if (shards_.size() != shards) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the log has ", shards_.size(), " shards, not ", shards));
  }
  return absl::OkStatus();
}

absl::StatusOr<AppendAck> MemoryLog::Append(uint32_t shard,
                                            std::string_view key,
                                            std::string_view data,
                                            uint64_t expected_last,
                                            std::string_view msg_id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Shard*> s = Find(shard);
  if (!s.ok()) return s.status();
  if (auto seen = (*s)->ids.find(msg_id); seen != (*s)->ids.end()) {
    return AppendAck{seen->second, true};
  }
  if (expected_last != 0 && (*s)->last != expected_last) {
    return absl::AbortedError(absl::StrCat("wrong last sequence: ",
                                           (*s)->last));
  }
  const uint64_t position = ++(*s)->last;
  (*s)->entries[position] = LogEntry{position, std::string(key), std::string(data)};
  (*s)->ids.emplace(std::string(msg_id), position);
  if (lose_acks_ > 0) {
    --lose_acks_;
    return absl::UnavailableError("ack lost (injected)");
  }
  return AppendAck{position, false};
}

absl::StatusOr<LogEntry> MemoryLog::Get(uint32_t shard, uint64_t position) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Shard*> s = Find(shard);
  if (!s.ok()) return s.status();
  auto it = (*s)->entries.find(position);
  if (it == (*s)->entries.end()) {
    return absl::NotFoundError(absl::StrCat("no entry at ", position));
  }
  return it->second;
}

absl::StatusOr<std::optional<LogEntry>> MemoryLog::LastForKey(
    uint32_t shard, std::string_view key) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Shard*> s = Find(shard);
  if (!s.ok()) return s.status();
  for (auto it = (*s)->entries.rbegin(); it != (*s)->entries.rend(); ++it) {
    if (it->second.key == key) return std::optional<LogEntry>(it->second);
  }
  return std::optional<LogEntry>();
}

absl::StatusOr<ShardState> MemoryLog::State(uint32_t shard) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Shard*> s = Find(shard);
  if (!s.ok()) return s.status();
  ShardState state;
  state.last_position = (*s)->last;
  if (!(*s)->entries.empty()) state.first_position = (*s)->entries.begin()->first;
  return state;
}

absl::StatusOr<std::unique_ptr<LogReader>> MemoryLog::Read(uint32_t shard,
                                                           uint64_t from) {
  {
    absl::MutexLock lock(&mu_);
    absl::StatusOr<Shard*> s = Find(shard);
    if (!s.ok()) return s.status();
  }
  return std::unique_ptr<LogReader>(new MemoryLogReader(this, shard, from));
}

void MemoryLog::AppendUnchecked(uint32_t shard, std::string key,
                                std::string data) {
  absl::MutexLock lock(&mu_);
  Shard& s = shards_.at(shard);
  const uint64_t position = ++s.last;
  s.entries[position] = LogEntry{position, std::move(key), std::move(data)};
}

void MemoryLog::Drop(uint32_t shard, uint64_t position) {
  absl::MutexLock lock(&mu_);
  shards_.at(shard).entries.erase(position);
}

void MemoryLog::LoseNextAcks(int n) {
  absl::MutexLock lock(&mu_);
  lose_acks_ = n;
}

void MemoryLog::TruncateBefore(uint32_t shard, uint64_t position) {
  absl::MutexLock lock(&mu_);
  auto& entries = shards_.at(shard).entries;
  entries.erase(entries.begin(), entries.lower_bound(position));
}

}  // namespace claims
