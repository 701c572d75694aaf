#include "common/store/claim_store.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "claims/storage/v1/records.pb.h"
#include "common/store/absl_compat.h"
#include "common/store/actor_records.h"
#include "common/store/claim_index.h"
#include "common/store/dates.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/util/canonical_url.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "spdlog/spdlog.h"

namespace claims {

using claims::storage::v1::ArticleRecord;
using claims::storage::v1::ChangeRecord;
using claims::v1::AnalyzeResponse;
using claims::v1::Claim;
namespace si = store_internal;

namespace {

absl::StatusOr<uint64_t> ReadSequence(rocksdb::DB* db) {
  std::string value;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), si::SequenceKey(), &value);
  if (s.IsNotFound()) return 0;
  RETURN_IF_ERROR(si::FromRocks(s, "read commit sequence"));
  if (value.size() != 8) {
    return absl::DataLossError("commit sequence: malformed value");
  }
  return si::DecodeBigEndian64(value);
}

// Checks the on-disk format version, writing it into a fresh database.
absl::Status CheckOrInitFormat(rocksdb::DB* db, const std::string& dir) {
  ASSIGN_OR_RETURN(const bool present, si::CheckFormatVersion(db, dir));
  if (present) return absl::OkStatus();
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions()));
  it->SeekToFirst();
  if (it->Valid()) {
    return absl::FailedPreconditionError(absl::StrCat(
        dir, ": database has data but no format version; not a claim store"));
  }
  RETURN_IF_ERROR(si::FromRocks(it->status(), "scan new database"));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return si::FromRocks(
      db->Put(wo, si::FormatVersionKey(), std::string(si::kFormatVersion)),
      "write format version");
}

// Signed counter changes keyed by counter key, applied with one
// read-modify-write each (the writer is single, so no merge operator).
class CounterDeltas {
 public:
  void Add(const std::string& key, int64_t delta) { deltas_[key] += delta; }

  absl::Status Apply(rocksdb::DB* db, rocksdb::WriteBatch* batch) const {
    for (const auto& [key, delta] : deltas_) {
      if (delta == 0) continue;
      std::string value;
      rocksdb::Status s = db->Get(rocksdb::ReadOptions(), key, &value);
      if (!s.ok() && !s.IsNotFound()) return si::FromRocks(s, "read counter");
      const int64_t current =
          s.ok() ? static_cast<int64_t>(si::DecodeCount(value)) : 0;
      const int64_t next = current + delta;
      rocksdb::Status w = next > 0 ? batch->Put(key, si::EncodeCount(next))
                                   : batch->Delete(key);
      RETURN_IF_ERROR(si::FromRocks(w, "batch counter"));
    }
    return absl::OkStatus();
  }

 private:
  // Ordered so the batch is deterministic.
  std::map<std::string, int64_t> deltas_;
};

void CountRecord(const ArticleRecord& record, int64_t sign,
                 CounterDeltas* deltas) {
  for (const std::string& id : record.counted_actors()) {
    deltas->Add(si::ActorCountKey(id), sign);
  }
  for (const std::string& topic : record.counted_topics()) {
    deltas->Add(si::TopicCountKey(topic), sign);
  }
}

// The article's entries in the article indexes (see key_codec.h).
std::vector<std::string> ArticleIndexKeys(
    const claims::v1::StoredArticle& article) {
  const std::string& id = article.article().id();
  const std::string date10 =
      article.effective_published().size() == si::kDateLength
          ? article.effective_published()
          : std::string(si::kUnknownDate);
  std::vector<std::string> keys = {si::ArticleDateKey(date10, id)};
  if (!article.canonical_url().empty()) {
    keys.push_back(si::ArticleUrlKey(article.canonical_url(), id));
    const std::string host = UrlHost(article.canonical_url());
    if (!host.empty()) keys.push_back(si::ArticleHostKey(host, date10, id));
  }
  return keys;
}

// Gives the articles of a database written before the article indexes
// existed their entries, once, in one batch.
absl::Status BackfillArticleIndexes(rocksdb::DB* db) {
  std::string done;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), si::ArticleIndexesKey(), &done);
  if (s.ok()) return absl::OkStatus();
  if (!s.IsNotFound()) return si::FromRocks(s, "read article index marker");
  rocksdb::WriteBatch batch;
  absl::Status failed;
  RETURN_IF_ERROR(si::ForEachInRange(
      db, si::PrefixRange(std::string(1, si::kArticlePrefix)), "scan articles",
      [&](std::string_view key, std::string_view value) {
        ArticleRecord record;
        if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          failed = absl::DataLossError("article record does not parse");
          return false;
        }
        absl::flat_hash_set<std::string> present(record.index_keys().begin(),
                                                 record.index_keys().end());
        for (std::string& index_key : ArticleIndexKeys(record.article())) {
          if (present.contains(index_key)) continue;
          failed.Update(si::FromRocks(batch.Put(index_key, ""), "batch"));
          record.add_index_keys(std::move(index_key));
        }
        failed.Update(si::FromRocks(
            batch.Put(rocksdb::Slice(key.data(), key.size()),
                      record.SerializeAsString()),
            "batch"));
        return failed.ok();
      }));
  RETURN_IF_ERROR(failed);
  RETURN_IF_ERROR(si::FromRocks(batch.Put(si::ArticleIndexesKey(), "1"), "batch"));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return si::FromRocks(db->Write(wo, &batch), "write article indexes");
}

}  // namespace

class ClaimStore::Impl {
 public:
  Impl(std::unique_ptr<rocksdb::DB> db, std::string dir,
       const StoreOptions& options, uint64_t sequence)
      : db_(std::move(db)),
        dir_(std::move(dir)),
        options_(options),
        sequence_(sequence),
        maintenance_([this] { Maintain(); }) {
    write_options_.sync = options.sync_writes;
  }

  ~Impl() { (void)Close(); }

  bool writable() const { return writable_.load(); }

  // With `expected_sequence`, writes only over that stored version.
  // With `logged`, writes at the logged sequence, always, with its
  // position entry.
  absl::StatusOr<PutResult> PutArticle(
      const AnalyzeResponse& analysis,
      std::optional<uint64_t> expected_sequence = std::nullopt,
      const LoggedChange* logged = nullptr) {
    const std::string& id = analysis.article().article().id();
    if (!si::IsValidKeyId(id)) {
      return absl::InvalidArgumentError(
          "article id must be non-empty and contain no NUL byte");
    }
    for (const Claim& claim : analysis.claims()) {
      if (!claim.article_id().empty() && claim.article_id() != id) {
        return absl::InvalidArgumentError(
            absl::StrCat("claim ", claim.id(), " belongs to article \"",
                         claim.article_id(), "\", not \"", id, "\""));
      }
    }

    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(CheckWritable());
    ArticleRecord old;
    ASSIGN_OR_RETURN(bool exists, ReadArticle(id, &old));
    // Same content extracted by the same extractor and knowledge base: a
    // newer version re-extracts (see Reextract in the ingest service).
    const std::string& hash = analysis.article().content_hash();
    const bool same_result = exists && !hash.empty() &&
                             old.article().content_hash() == hash &&
                             old.article().extractor_version() ==
                                 analysis.article().extractor_version();
    const bool replaced = expected_sequence.has_value() && exists &&
                          old.article().sequence() != *expected_sequence;
    if (expected_sequence.has_value()) {
      if (!exists) {
        return absl::NotFoundError(
            absl::StrCat("article \"", id, "\" was deleted meanwhile"));
      }
      // Another writer (a re-extraction still finishing after its client
      // cancelled) already stored this very result: nothing to do.
      if (replaced && !same_result) {
        return absl::AbortedError(
            absl::StrCat("article \"", id, "\" was replaced meanwhile"));
      }
    }
    if (logged == nullptr &&
        (!expected_sequence.has_value() || replaced) && same_result) {
      PutResult result;
      result.article_id = id;
      result.claim_count = old.article().claim_count();
      result.sequence = old.article().sequence();
      result.unchanged = true;
      return result;
    }

    ASSIGN_OR_RETURN(const uint64_t sequence, NextSequence(logged));
    rocksdb::WriteBatch batch;
    ArticleRecord record;
    *record.mutable_article() = analysis.article();
    record.mutable_article()->set_sequence(sequence);
    record.mutable_article()->set_claim_count(analysis.claims_size());

    ChangeRecord change;
    change.set_sequence(sequence);
    change.set_op(ChangeRecord::PUT);
    change.set_article_id(id);

    absl::flat_hash_set<std::string> old_keys(old.claim_keys().begin(),
                                              old.claim_keys().end());
    old_keys.insert(old.index_keys().begin(), old.index_keys().end());
    absl::flat_hash_set<std::string> new_keys;

    std::string value;
    for (int i = 0; i < analysis.claims_size(); ++i) {
      const uint32_t ordinal = static_cast<uint32_t>(i);
      Claim claim = analysis.claims(i);
      claim.set_article_id(id);
      if (claim.id().empty()) claim.set_id(absl::StrCat(id, ":", ordinal));
      claim.set_sequence(sequence);

      std::string claim_key = si::ClaimKey(id, ordinal);
      claim.SerializeToString(&value);
      RETURN_IF_ERROR(si::FromRocks(batch.Put(claim_key, value), "batch"));
      new_keys.insert(claim_key);
      record.add_claim_keys(claim_key);
      change.add_claim_keys(claim_key);

      const si::IndexedPeriod period = si::ClaimIndexedPeriod(claim);
      const std::string sort_key = si::SortKey(period.start, id, ordinal);
      std::vector<std::string> index_keys;
      index_keys.push_back(si::DateIndexPrefix(period.span) + sort_key);
      for (const std::string& actor : si::ClaimActorIds(claim)) {
        index_keys.push_back(si::ActorIndexPrefix(actor, period.span) +
                             sort_key);
        record.add_counted_actors(actor);
      }
      for (const std::string& topic : si::ClaimTopicPaths(claim)) {
        index_keys.push_back(si::TopicIndexPrefix(topic, period.span) +
                             sort_key);
        record.add_counted_topics(topic);
      }
      // Covering entries (see key_codec.h); rewritten even when the key is
      // unchanged, since the claim may have changed under the same key.
      const std::string index_value = si::EncodeIndexValue(period.end, value);
      for (std::string& key : index_keys) {
        RETURN_IF_ERROR(si::FromRocks(batch.Put(key, index_value), "batch"));
        new_keys.insert(key);
        record.add_index_keys(std::move(key));
      }
    }
    for (std::string& key : ArticleIndexKeys(record.article())) {
      RETURN_IF_ERROR(si::FromRocks(batch.Put(key, ""), "batch"));
      new_keys.insert(key);
      record.add_index_keys(std::move(key));
    }
    // Whatever the previous version wrote and this one does not goes.
    for (const std::string& key : old_keys) {
      if (!new_keys.contains(key)) {
        RETURN_IF_ERROR(si::FromRocks(batch.Delete(key), "batch"));
      }
    }

    CounterDeltas deltas;
    CountRecord(old, -1, &deltas);
    CountRecord(record, +1, &deltas);
    RETURN_IF_ERROR(deltas.Apply(db_.get(), &batch));
    RETURN_IF_ERROR(si::WriteActorRecords(db_.get(), analysis, &batch));

    record.SerializeToString(&value);
    RETURN_IF_ERROR(
        si::FromRocks(batch.Put(si::ArticleKey(id), value), "batch"));
    RETURN_IF_ERROR(PutPosition(logged, &batch));
    RETURN_IF_ERROR(Commit(sequence, change, &batch));

    PutResult result;
    result.article_id = id;
    result.claim_count = static_cast<uint32_t>(analysis.claims_size());
    result.sequence = sequence;
    result.replaced = exists;
    return result;
  }

  // With `logged`, a missing article still writes the change and the
  // sequence.
  absl::StatusOr<DeleteResult> DeleteArticle(
      std::string_view article_id, const LoggedChange* logged = nullptr) {
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(CheckWritable());
    ArticleRecord old;
    ASSIGN_OR_RETURN(bool exists, ReadArticle(article_id, &old));
    if (!exists && logged == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("article \"", absl::CHexEscape(si::AbslView(article_id)),
                       "\" is not stored"));
    }
    ASSIGN_OR_RETURN(const uint64_t sequence, NextSequence(logged));
    rocksdb::WriteBatch batch;
    for (const std::string& key : old.claim_keys()) {
      RETURN_IF_ERROR(si::FromRocks(batch.Delete(key), "batch"));
    }
    for (const std::string& key : old.index_keys()) {
      RETURN_IF_ERROR(si::FromRocks(batch.Delete(key), "batch"));
    }
    if (exists) {
      RETURN_IF_ERROR(
          si::FromRocks(batch.Delete(si::ArticleKey(article_id)), "batch"));
    }
    CounterDeltas deltas;
    CountRecord(old, -1, &deltas);
    RETURN_IF_ERROR(deltas.Apply(db_.get(), &batch));
    RETURN_IF_ERROR(PutPosition(logged, &batch));

    ChangeRecord change;
    change.set_sequence(sequence);
    change.set_op(ChangeRecord::DELETE);
    change.set_article_id(std::string(article_id));
    RETURN_IF_ERROR(Commit(sequence, change, &batch));

    DeleteResult result;
    result.claims_deleted = static_cast<uint32_t>(old.claim_keys_size());
    result.sequence = sequence;
    return result;
  }

  uint64_t sequence() const { return sequence_.load(); }

  // A record that changes no data (a shard's genesis): the position alone.
  absl::Status Mark(const LoggedChange& logged) {
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(CheckWritable());
    rocksdb::WriteBatch batch;
    RETURN_IF_ERROR(PutPosition(&logged, &batch));
    return si::FromRocks(db_->Write(write_options_, &batch), "write position");
  }

  absl::Status Checkpoint(const std::string& dir) {
    absl::MutexLock lock(&mu_);
    if (db_ == nullptr) return ClosedError();
    rocksdb::Checkpoint* raw = nullptr;
    RETURN_IF_ERROR(si::FromRocks(rocksdb::Checkpoint::Create(db_.get(), &raw),
                                  "create checkpoint"));
    std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
    return si::FromRocks(checkpoint->CreateCheckpoint(dir),
                         absl::StrCat("checkpoint into ", dir));
  }

  absl::StatusOr<BackupInfo> Backup(const std::string& backup_dir) {
    absl::MutexLock lock(&mu_);
    if (db_ == nullptr) return ClosedError();
    return CreateBackup(db_.get(), sequence_.load(), backup_dir);
  }

  absl::Status Close() {
    StopMaintenance();
    absl::MutexLock lock(&mu_);
    if (db_ == nullptr) {
      // Closed for recovery and not reopened yet: nothing left to close.
      return writable_.load() ? ClosedError() : absl::OkStatus();
    }
    if (!writable_.load()) {
      // Nothing acknowledged is missing from the WAL; what failed was not
      // acknowledged. Closing must still succeed (SIGTERM on a full disk).
      spdlog::warn("closing the database while writes fail: {}",
                   db_->Resume().ToString());
      rocksdb::Status closed = db_->Close();
      if (!closed.ok()) spdlog::warn("close: {}", closed.ToString());
      db_.reset();
      return absl::OkStatus();
    }
    absl::Status status = si::FromRocks(db_->SyncWAL(), "sync WAL");
    absl::Status closed = si::FromRocks(db_->Close(), "close");
    db_.reset();
    return status.ok() ? closed : status;
  }

  rocksdb::DB* db() {
    absl::MutexLock lock(&mu_);
    return db_.get();
  }

  std::optional<DbStats> Stats() {
    absl::MutexLock lock(&mu_);
    if (db_ == nullptr) return std::nullopt;
    return ClaimReader(db_.get()).Stats();
  }

 private:
  static absl::Status ClosedError() {
    return absl::FailedPreconditionError("claim store is closed");
  }

  // While a write error stands, nothing reaches RocksDB: its WAL writer
  // has seen the error and must be replaced by a recovery first.
  absl::Status CheckWritable() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (writable_.load()) {
      return db_ == nullptr ? ClosedError() : absl::OkStatus();
    }
    return absl::Status(write_error_.code(),
                        absl::StrCat("writes are suspended until the store "
                                     "recovers: ",
                                     write_error_.message()));
  }

  // False when the article is not stored.
  absl::StatusOr<bool> ReadArticle(std::string_view id, ArticleRecord* record)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::string value;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), si::ArticleKey(id), &value);
    if (s.IsNotFound()) return false;
    RETURN_IF_ERROR(si::FromRocks(s, "read article"));
    if (!record->ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat(
          "article \"", absl::CHexEscape(si::AbslView(id)), "\": bad record"));
    }
    return true;
  }

  // The sequence of the next write: the writer's own next one, or the
  // logged one, which must follow it.
  absl::StatusOr<uint64_t> NextSequence(const LoggedChange* logged)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const uint64_t next = sequence_.load() + 1;
    if (logged != nullptr && logged->sequence != next) {
      return absl::FailedPreconditionError(
          absl::StrCat("logged change at sequence ", logged->sequence,
                       " does not follow ", next - 1));
    }
    return next;
  }

  static absl::Status PutPosition(const LoggedChange* logged,
                                  rocksdb::WriteBatch* batch) {
    if (logged == nullptr || logged->position_key.empty()) {
      return absl::OkStatus();
    }
    return si::FromRocks(batch->Put(logged->position_key, logged->position_value),
                         "batch");
  }

  // Adds the change-feed entry and the commit sequence, then writes.
  absl::Status Commit(uint64_t sequence, const ChangeRecord& change,
                      rocksdb::WriteBatch* batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::string value;
    change.SerializeToString(&value);
    RETURN_IF_ERROR(
        si::FromRocks(batch->Put(si::ChangeKey(sequence), value), "batch"));
    RETURN_IF_ERROR(si::FromRocks(
        batch->Put(si::SequenceKey(), si::EncodeCount(sequence)), "batch"));
    rocksdb::Status written = db_->Write(write_options_, batch);
    absl::Status status = si::FromRocks(written, "write batch");
    // An I/O error (a full disk) stops every later write until Resume.
    if (written.IsIOError()) {
      write_error_ = status;
      SetWritable(false);
    }
    RETURN_IF_ERROR(status);
    sequence_.store(sequence);
    return absl::OkStatus();
  }

  void SetWritable(bool writable) {
    if (writable_.exchange(writable) == writable) return;
    if (options_.on_writable_change) options_.on_writable_change(writable);
  }

  // Every maintenance_interval until Close: retry recovery, trim the WAL
  // archive.
  void Maintain() {
    absl::MutexLock lock(&maintenance_mu_);
    while (!maintenance_mu_.AwaitWithTimeout(absl::Condition(&stop_),
                                             options_.maintenance_interval)) {
      maintenance_mu_.Unlock();
      if (!writable_.load()) TryResume();
      TrimWalArchive();
      maintenance_mu_.Lock();
    }
  }

  void StopMaintenance() {
    {
      absl::MutexLock lock(&maintenance_mu_);
      if (stop_) return;
      stop_ = true;
    }
    maintenance_.join();
  }

  // DB::Resume() clears a background error once its cause is gone (it
  // flushes what the memtables hold, which needs disk space); then the
  // database is reopened for a fresh WAL. Until both succeed, the next
  // round tries again.
  void TryResume() {
    absl::MutexLock lock(&mu_);
    if (db_ != nullptr) {
      if (!db_->Resume().ok()) return;
      rocksdb::Status closed = db_->Close();
      if (!closed.ok()) spdlog::warn("closing for recovery: {}", closed.ToString());
      db_.reset();
    }
    rocksdb::DB* raw = nullptr;
    rocksdb::Status opened = rocksdb::DB::Open(
        si::WriterDbOptions(options_.block_cache_bytes, options_.wal_ttl_seconds),
        dir_, &raw);
    if (!opened.ok()) return;
    db_.reset(raw);
    write_error_ = absl::OkStatus();
    spdlog::info("database recovered; writes accepted again");
    SetWritable(true);
  }

  // Deletes the oldest archived WAL files beyond wal_archive_max_bytes. They
  // hold only flushed data (RocksDB archives a WAL once its memtable is in
  // an SST); followers keep up from the SSTs.
  void TrimWalArchive() {
    if (options_.wal_archive_max_bytes == 0) return;
    std::error_code error;
    std::vector<std::pair<std::filesystem::path, uint64_t>> files;
    uint64_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(dir_) / "archive", error)) {
      if (entry.path().extension() != ".log") continue;
      const uint64_t size = entry.file_size(error);
      if (error) continue;
      files.emplace_back(entry.path(), size);
      total += size;
    }
    // Log file names are zero-padded numbers: name order is age order.
    std::sort(files.begin(), files.end());
    for (const auto& [path, size] : files) {
      if (total <= options_.wal_archive_max_bytes) break;
      if (std::filesystem::remove(path, error)) total -= size;
    }
  }

  absl::Mutex mu_;
  std::unique_ptr<rocksdb::DB> db_ ABSL_GUARDED_BY(mu_);
  absl::Status write_error_ ABSL_GUARDED_BY(mu_);
  const std::string dir_;
  const StoreOptions options_;
  rocksdb::WriteOptions write_options_;
  // Written under mu_, read without it.
  std::atomic<uint64_t> sequence_;
  std::atomic<bool> writable_{true};
  absl::Mutex maintenance_mu_;
  bool stop_ ABSL_GUARDED_BY(maintenance_mu_) = false;
  std::thread maintenance_;
};

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::Open(
    const std::string& dir, const StoreOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("create ", dir, ": ", ec.message()));
  }
  rocksdb::DB* raw = nullptr;
  RETURN_IF_ERROR(si::FromRocks(
      rocksdb::DB::Open(si::WriterDbOptions(options.block_cache_bytes,
                                            options.wal_ttl_seconds),
                        dir, &raw),
      absl::StrCat("open ", dir)));
  std::unique_ptr<rocksdb::DB> db(raw);
  RETURN_IF_ERROR(CheckOrInitFormat(db.get(), dir));
  RETURN_IF_ERROR(BackfillArticleIndexes(db.get()));
  ASSIGN_OR_RETURN(uint64_t sequence, ReadSequence(db.get()));
  return std::unique_ptr<ClaimStore>(
      new ClaimStore(std::make_unique<Impl>(std::move(db), dir, options, sequence)));
}

ClaimStore::ClaimStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimStore::~ClaimStore() = default;

absl::StatusOr<PutResult> ClaimStore::PutArticle(
    const AnalyzeResponse& analysis) {
  return impl_->PutArticle(analysis);
}

absl::StatusOr<PutResult> ClaimStore::ReplaceExtraction(
    const AnalyzeResponse& analysis, uint64_t expected_sequence) {
  return impl_->PutArticle(analysis, expected_sequence);
}

absl::StatusOr<DeleteResult> ClaimStore::DeleteArticle(
    std::string_view article_id) {
  return impl_->DeleteArticle(article_id);
}

absl::Status ClaimStore::ApplyLogged(const LoggedChange& change) {
  switch (change.kind) {
    case LoggedChange::kPut:
      if (change.analysis == nullptr) {
        return absl::InvalidArgumentError("logged put without an analysis");
      }
      return impl_->PutArticle(*change.analysis, std::nullopt, &change).status();
    case LoggedChange::kDelete:
      return impl_->DeleteArticle(change.article_id, &change).status();
    case LoggedChange::kMark:
      return impl_->Mark(change);
  }
  return absl::InvalidArgumentError("unknown logged change");
}

uint64_t ClaimStore::sequence() const { return impl_->sequence(); }

bool ClaimStore::writable() const { return impl_->writable(); }

absl::Status ClaimStore::Checkpoint(const std::string& dir) {
  return impl_->Checkpoint(dir);
}

absl::StatusOr<BackupInfo> ClaimStore::Backup(const std::string& backup_dir) {
  return impl_->Backup(backup_dir);
}

absl::Status ClaimStore::Close() { return impl_->Close(); }

rocksdb::DB* ClaimStore::db() { return impl_->db(); }

std::optional<DbStats> ClaimStore::Stats() const { return impl_->Stats(); }

}  // namespace claims
