#include "common/log/log_follower.h"

#include <openssl/evp.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log/record.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"
#include "spdlog/spdlog.h"

namespace claims {

using claims::storage::v1::LogPosition;
using claims::storage::v1::LogRecord;
namespace si = store_internal;

namespace {

absl::StatusOr<LogPosition> ReadPosition(rocksdb::DB* db, uint32_t shard) {
  std::string value;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), si::LogPositionKey(), &value);
  LogPosition position;
  position.set_shard(shard);
  if (s.IsNotFound()) return position;
  RETURN_IF_ERROR(si::FromRocks(s, "read log position"));
  if (!position.ParseFromString(value)) {
    return absl::DataLossError("log position does not parse");
  }
  if (position.shard() != shard) {
    return absl::FailedPreconditionError(
        absl::StrCat("this replica database follows shard ", position.shard(),
                     ", not shard ", shard));
  }
  return position;
}

}  // namespace

absl::StatusOr<std::unique_ptr<LogFollower>> LogFollower::Open(
    Log* log, LogFollowerOptions options) {
  ASSIGN_OR_RETURN(ShardState state, log->State(options.shard));
  StoreOptions store_options;
  // The log is the durable copy: a replica that loses its last writes in a
  // power cut replays them (the position is in the same batch).
  store_options.sync_writes = false;
  store_options.wal_archive_max_bytes = 8 << 20;
  store_options.block_cache_bytes = options.block_cache_bytes;
  ASSIGN_OR_RETURN(std::unique_ptr<ClaimStore> store,
                   ClaimStore::Open(options.replica_dir, store_options));
  ASSIGN_OR_RETURN(LogPosition position, ReadPosition(store->db(), options.shard));
  if (position.writer_seq() != store->sequence() &&
      !(position.position() == 0 && store->sequence() == 0)) {
    return absl::FailedPreconditionError(absl::StrCat(
        options.replica_dir, ": commit sequence ", store->sequence(),
        " does not match the log position's writer sequence ",
        position.writer_seq(), " (not a replica database?)"));
  }
  if (state.first_position > position.position() + 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "shard ", options.shard, " starts at position ", state.first_position,
        " but this replica needs ", position.position() + 1,
        ": bootstrap it from a newer checkpoint"));
  }
  return std::unique_ptr<LogFollower>(
      new LogFollower(log, std::move(options), std::move(store), position,
                      state.last_position));
}

LogFollower::LogFollower(Log* log, LogFollowerOptions options,
                         std::unique_ptr<ClaimStore> store,
                         LogPosition position, uint64_t target)
    : log_(log),
      options_(std::move(options)),
      store_(std::move(store)),
      reader_(store_->db()),
      last_entry_at_(absl::Now()),
      position_(std::move(position)),
      target_(target) {
  log_last_ = target;
  caught_up_ = position_.position() >= target_;
}

LogFollower::~LogFollower() {
  log_reader_.reset();
  absl::Status closed = store_->Close();
  if (!closed.ok()) spdlog::warn("closing replica: {}", closed.ToString());
}

uint64_t LogFollower::AppliedSequence() const { return store_->sequence(); }

LogPosition LogFollower::position() const {
  absl::MutexLock lock(&mu_);
  return position_;
}

absl::Status LogFollower::Health() const {
  absl::MutexLock lock(&mu_);
  if (!failed_.ok()) return failed_;
  if (!caught_up_) {
    return absl::UnavailableError(absl::StrCat(
        "catching up: position ", position_.position(), " of ", target_));
  }
  return absl::OkStatus();
}

absl::StatusOr<Follower::CheckpointInfo> LogFollower::Checkpoint() const {
  if (absl::Status health = Health(); !health.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("this replica cannot hand out a checkpoint: ",
                     health.message()));
  }
  CheckpointInfo info;
  info.dir = absl::StrCat(options_.replica_dir, ".checkpoint-",
                          absl::ToUnixNanos(absl::Now()));
  // The position and the data are in the same batches, so whatever the
  // checkpoint holds is consistent; read them from it, not from memory.
  RETURN_IF_ERROR(store_->Checkpoint(info.dir));
  rocksdb::DB* raw = nullptr;
  RETURN_IF_ERROR(si::FromRocks(
      rocksdb::DB::OpenForReadOnly(rocksdb::Options(), info.dir, &raw),
      "open checkpoint"));
  std::unique_ptr<rocksdb::DB> db(raw);
  ASSIGN_OR_RETURN(LogPosition at, ReadPosition(db.get(), options_.shard));
  info.shard = options_.shard;
  info.log_position = at.position();
  info.sequence = at.writer_seq();
  return info;
}

absl::StatusOr<Follower::StateDigest> LogFollower::Digest() const {
  rocksdb::DB* db = store_->db();
  if (db == nullptr) return absl::UnavailableError("replica database is closed");
  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  StateDigest out;
  auto add = [ctx](const rocksdb::Slice& s) {
    const uint64_t n = s.size();
    EVP_DigestUpdate(ctx, &n, sizeof(n));
    EVP_DigestUpdate(ctx, s.data(), s.size());
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    add(it->key());
    add(it->value());
    ++out.keys;
    if (it->key() == si::SequenceKey()) {
      out.sequence = si::DecodeBigEndian64(it->value().ToString());
    } else if (it->key() == si::LogPositionKey()) {
      LogPosition position;
      if (position.ParseFromString(it->value().ToString())) {
        out.log_position = position.position();
      }
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, digest, &len);
  EVP_MD_CTX_free(ctx);
  absl::Status scanned = si::FromRocks(it->status(), "digest scan");
  it.reset();
  db->ReleaseSnapshot(snapshot);
  RETURN_IF_ERROR(scanned);
  out.digest = logrec::Hex(std::string_view(reinterpret_cast<char*>(digest), len));
  return out;
}

absl::Status LogFollower::Fail(absl::Status reason) {
  {
    absl::MutexLock lock(&mu_);
    failed_ = reason;
  }
  ++verify_failures_;
  spdlog::error("log verification failed on shard {}: {}; applying stopped, "
                "health NOT_SERVING (re-bootstrap this replica)",
                options_.shard, reason.ToString());
  if (options_.on_verify_failure) options_.on_verify_failure(reason);
  return reason;
}

absl::Status LogFollower::Verify(const LogEntry& entry,
                                 const LogRecord& record) const {
  absl::MutexLock lock(&mu_);
  const LogPosition& at = position_;
  if (entry.position != at.position() + 1) {
    return absl::DataLossError(absl::StrCat("gap: expected position ",
                                            at.position() + 1, ", got ",
                                            entry.position));
  }
  if (record.shard() != options_.shard) {
    return absl::DataLossError(absl::StrCat("record of shard ", record.shard(),
                                            " at position ", entry.position));
  }
  if (at.position() == 0) {
    if (record.kind() != LogRecord::GENESIS || record.writer_seq() != 0) {
      return absl::DataLossError("position 1 is not a genesis record");
    }
    return absl::OkStatus();
  }
  if (record.kind() == LogRecord::GENESIS) {
    return absl::DataLossError(
        absl::StrCat("a second genesis record at position ", entry.position));
  }
  if (record.writer_seq() <= at.writer_seq()) {
    return absl::DataLossError(absl::StrCat(
        "duplicate: writer sequence ", record.writer_seq(), " at position ",
        entry.position, " after ", at.writer_seq()));
  }
  if (record.writer_seq() != at.writer_seq() + 1) {
    return absl::DataLossError(absl::StrCat(
        "gap: writer sequence ", record.writer_seq(), " at position ",
        entry.position, " after ", at.writer_seq()));
  }
  if (record.prev_digest() != at.digest()) {
    return absl::DataLossError(absl::StrCat(
        "broken chain at position ", entry.position, ": previous digest ",
        logrec::Hex(record.prev_digest()).substr(0, 16), " is not ",
        logrec::Hex(at.digest()).substr(0, 16)));
  }
  return absl::OkStatus();
}

absl::Status LogFollower::Apply(const LogEntry& entry) {
  absl::StatusOr<LogRecord> record = logrec::Decode(entry.data);
  if (!record.ok()) {
    return Fail(absl::DataLossError(absl::StrCat(
        "position ", entry.position, ": ", record.status().message())));
  }
  if (absl::Status verified = Verify(entry, *record); !verified.ok()) {
    return Fail(verified);
  }
  LogPosition next;
  next.set_shard(options_.shard);
  next.set_position(entry.position);
  next.set_writer_seq(record->writer_seq());
  next.set_digest(logrec::Digest(entry.data));
  LoggedChange change;
  change.sequence = record->writer_seq();
  change.position_key = si::LogPositionKey();
  next.SerializeToString(&change.position_value);
  claims::v1::AnalyzeResponse analysis;
  switch (record->kind()) {
    case LogRecord::PUT: {
      absl::StatusOr<claims::v1::AnalyzeResponse> payload = logrec::Payload(*record);
      if (!payload.ok()) return Fail(payload.status());
      analysis = *std::move(payload);
      change.kind = LoggedChange::kPut;
      change.analysis = &analysis;
      break;
    }
    case LogRecord::DELETE:
      change.kind = LoggedChange::kDelete;
      change.article_id = record->article_id();
      break;
    default:
      change.kind = LoggedChange::kMark;
  }
  // A failed write is retried from this record on the next CatchUp.
  RETURN_IF_ERROR(store_->ApplyLogged(change));
  ++records_applied_;
  absl::MutexLock lock(&mu_);
  position_ = std::move(next);
  if (position_.position() >= target_) caught_up_ = true;
  return absl::OkStatus();
}

absl::Status LogFollower::EnsureReader() {
  if (log_reader_ != nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(log_reader_, log_->Read(options_.shard, position().position() + 1));
  last_entry_at_ = absl::Now();
  return absl::OkStatus();
}

void LogFollower::RefreshLogState() {
  if (absl::Now() - last_state_at_ < absl::Seconds(1)) return;
  last_state_at_ = absl::Now();
  absl::StatusOr<ShardState> state = log_->State(options_.shard);
  if (state.ok()) log_last_ = state->last_position;
}

absl::Status LogFollower::CatchUp() {
  absl::Status failed;
  {
    absl::MutexLock lock(&mu_);
    failed = failed_;
  }
  if (!failed.ok()) {
    // Stopped for good; do not let the caller's loop spin on it.
    absl::SleepFor(options_.wait);
    return failed;
  }
  RefreshLogState();
  RETURN_IF_ERROR(EnsureReader());
  absl::Duration wait = options_.wait;
  for (int i = 0; i < options_.max_records_per_catch_up; ++i) {
    absl::StatusOr<std::optional<LogEntry>> entry = log_reader_->Next(wait);
    if (!entry.ok()) {
      log_reader_.reset();  // re-opened at the applied position next time
      return entry.status();
    }
    if (!entry->has_value()) break;
    wait = absl::Milliseconds(1);
    last_entry_at_ = absl::Now();
    if ((*entry)->position <= position().position()) continue;  // redelivery
    RETURN_IF_ERROR(Apply(**entry));
  }
  if (absl::Now() - last_entry_at_ > options_.stall &&
      log_last_.load() > position().position()) {
    spdlog::warn("shard {}: no log entry for {} while the log has more; "
                 "re-opening the reader at {}",
                 options_.shard, absl::FormatDuration(options_.stall),
                 position().position() + 1);
    log_reader_.reset();
  }
  return absl::OkStatus();
}

}  // namespace claims
