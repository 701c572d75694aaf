#include "common/log/log_writer.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log/record.h"
#include "common/util/status_macros.h"
#include "spdlog/spdlog.h"

namespace claims {

using claims::storage::v1::LogRecord;
using claims::v1::AnalyzeResponse;

namespace {

bool UnknownOutcome(const absl::Status& s) {
  return absl::IsUnavailable(s) || absl::IsDeadlineExceeded(s);
}

std::string GenesisId(uint32_t shard) {
  return absl::StrCat("claims-genesis-", shard);
}

}  // namespace

LogWriter::LogWriter(Log* log, LogWriterOptions options)
    : log_(log), options_(std::move(options)) {
  for (uint32_t s = 0; s < std::max<uint32_t>(options_.shards, 1); ++s) {
    shards_.push_back(std::make_unique<Shard>());
  }
}

void LogWriter::Count(std::string_view outcome) const {
  if (options_.on_outcome) options_.on_outcome(outcome);
}

absl::Status LogWriter::Init() {
  RETURN_IF_ERROR(log_->EnsureShards(options_.shards));
  for (uint32_t shard = 0; shard < options_.shards; ++shard) {
    ASSIGN_OR_RETURN(ShardState state, log_->State(shard));
    if (state.last_position == 0) {
      const std::string data =
          logrec::Encode(logrec::MakeGenesis(shard, options_.shards));
      // Racing writers dedup on the fixed message id.
      RETURN_IF_ERROR(AppendRetrying(shard, logrec::kGenesisKey, data, 0,
                                     GenesisId(shard))
                          .status());
    }
    ASSIGN_OR_RETURN(LogEntry first, log_->Get(shard, 1));
    ASSIGN_OR_RETURN(LogRecord genesis, logrec::Decode(first.data));
    if (genesis.kind() != LogRecord::GENESIS || genesis.shard() != shard) {
      return absl::FailedPreconditionError(absl::StrCat(
          "shard ", shard, ": position 1 is not this shard's genesis record"));
    }
    if (genesis.shard_count() != options_.shards) {
      return absl::FailedPreconditionError(
          absl::StrCat("the log was created with ", genesis.shard_count(),
                       " shards, not ", options_.shards,
                       " (--shards is fixed when the log is created)"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<AppendAck> LogWriter::AppendRetrying(
    uint32_t shard, std::string_view key, std::string_view data,
    uint64_t expected_last, std::string_view msg_id) {
  const absl::Time deadline = absl::Now() + options_.retry_for;
  absl::Duration backoff = absl::Milliseconds(50);
  while (true) {
    absl::StatusOr<AppendAck> ack =
        log_->Append(shard, key, data, expected_last, msg_id);
    if (ack.ok() || !UnknownOutcome(ack.status()) || absl::Now() >= deadline) {
      return ack;
    }
    Count("retry");
    spdlog::warn("log append to shard {}: {}; retrying with the same id",
                 shard, ack.status().ToString());
    absl::SleepFor(backoff);
    backoff = std::min(backoff * 2, absl::Seconds(1));
  }
}

absl::Status LogWriter::LoadTail(uint32_t shard, Tail* tail) {
  ASSIGN_OR_RETURN(ShardState state, log_->State(shard));
  if (state.last_position == 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("shard ", shard, " has no genesis record"));
  }
  ASSIGN_OR_RETURN(LogEntry last, log_->Get(shard, state.last_position));
  ASSIGN_OR_RETURN(LogRecord record, logrec::Decode(last.data));
  tail->known = true;
  tail->position = state.last_position;
  tail->writer_seq = record.writer_seq();
  tail->digest = logrec::Digest(last.data);
  return absl::OkStatus();
}

absl::StatusOr<LogWriter::Current> LogWriter::ReadCurrent(
    uint32_t shard, std::string_view article_id) {
  Current current;
  ASSIGN_OR_RETURN(std::optional<LogEntry> last,
                   log_->LastForKey(shard, logrec::ArticleKey(article_id)));
  if (!last.has_value()) return current;
  ASSIGN_OR_RETURN(current.record, logrec::Decode(last->data));
  // Keys are 64-bit hashes: a colliding id is a different article.
  current.exists = current.record.kind() == LogRecord::PUT &&
                   current.record.article_id() == article_id;
  return current;
}

absl::StatusOr<uint64_t> LogWriter::Append(uint32_t shard,
                                           std::string_view article_id,
                                           LogRecord record,
                                           const Decide& decide) {
  Shard& s = *shards_[shard];
  absl::MutexLock lock(&s.mu);
  record.set_shard(shard);
  const std::string key = logrec::ArticleKey(article_id);
  for (int conflicts = 0; conflicts <= options_.max_conflicts; ++conflicts) {
    if (!s.tail.known) RETURN_IF_ERROR(LoadTail(shard, &s.tail));
    ASSIGN_OR_RETURN(Current current, ReadCurrent(shard, article_id));
    ASSIGN_OR_RETURN(const bool append, decide(current));
    if (!append) return current.record.writer_seq();
    record.set_writer_seq(s.tail.writer_seq + 1);
    record.set_prev_digest(s.tail.digest);
    const std::string data = logrec::Encode(record);
    const std::string digest = logrec::Digest(data);
    const std::string msg_id = logrec::Hex(digest).substr(0, 32);
    absl::StatusOr<AppendAck> ack =
        AppendRetrying(shard, key, data, s.tail.position, msg_id);
    if (absl::IsAborted(ack.status())) {
      Count("conflict");
      s.tail.known = false;  // another writer appended: re-read and retry
      continue;
    }
    if (!ack.ok()) {
      s.tail.known = false;
      return ack.status();
    }
    Count(ack->duplicate ? "duplicate" : "appended");
    s.tail = Tail{true, ack->position, record.writer_seq(), digest};
    return record.writer_seq();
  }
  return absl::AbortedError(
      absl::StrCat("shard ", shard, ": lost the append race ",
                   options_.max_conflicts, " times; retry"));
}

absl::StatusOr<PutResult> LogWriter::Put(const AnalyzeResponse& analysis) {
  const std::string& id = analysis.article().article().id();
  if (id.empty()) return absl::InvalidArgumentError("article id must be set");
  ASSIGN_OR_RETURN(LogRecord record, logrec::MakePut(analysis));
  PutResult result;
  result.article_id = id;
  result.claim_count = static_cast<uint32_t>(analysis.claims_size());
  const std::string& hash = analysis.article().content_hash();
  const std::string& version = analysis.article().extractor_version();
  auto decide = [&](const Current& current) -> absl::StatusOr<bool> {
    result.replaced = current.exists;
    result.unchanged = current.exists && !hash.empty() &&
                       current.record.content_hash() == hash &&
                       current.record.extractor_version() == version;
    if (result.unchanged) result.claim_count = current.record.claim_count();
    return !result.unchanged;
  };
  ASSIGN_OR_RETURN(result.sequence,
                   Append(logrec::ShardOf(id, options_.shards), id,
                          std::move(record), decide));
  if (result.unchanged) {
    result.replaced = false;
    Count("unchanged");
  }
  return result;
}

absl::StatusOr<DeleteResult> LogWriter::Delete(std::string_view article_id) {
  DeleteResult result;
  auto decide = [&](const Current& current) -> absl::StatusOr<bool> {
    if (!current.exists) {
      return absl::NotFoundError(
          absl::StrCat("article \"", std::string(article_id), "\" is not stored"));
    }
    result.claims_deleted = current.record.claim_count();
    return true;
  };
  ASSIGN_OR_RETURN(result.sequence,
                   Append(logrec::ShardOf(article_id, options_.shards),
                          article_id, logrec::MakeDelete(article_id), decide));
  return result;
}

absl::StatusOr<uint32_t> ReadShardCount(Log* log) {
  ASSIGN_OR_RETURN(LogEntry first, log->Get(0, 1));
  ASSIGN_OR_RETURN(LogRecord genesis, logrec::Decode(first.data));
  if (genesis.kind() != LogRecord::GENESIS || genesis.shard_count() == 0) {
    return absl::DataLossError("shard 0 does not start with a genesis record");
  }
  return genesis.shard_count();
}

}  // namespace claims
