// ClaimStore: the single writer of the claim database.
//
// Owns a read-write rocksdb::DB. Every article is written as one WriteBatch:
// the article record, its claims, every index entry, the counters, the actor
// and alias records, the change-feed entry and the commit sequence. So a
// crash never leaves half an article, and the commit sequence (see
// ClaimReader::AppliedSequence) says exactly which writes a reader has seen.
//
//   ASSIGN_OR_RETURN(auto store, ClaimStore::Open("./data", {}));
//   ASSIGN_OR_RETURN(PutResult r, store->PutArticle(analysis));
//
// A write that fails on an I/O error (a full disk) leaves RocksDB in a
// background-error state; the store then refuses writes itself, reports
// itself not writable, and a maintenance thread retries DB::Resume() until
// the cause is gone (space freed), then reopens the database, so writes
// come back without a restart. (RocksDB 7.8 keeps the WAL writer that
// failed when it had nothing to switch from, and the next write on it
// aborts; a reopen starts a fresh WAL.)
// The same thread keeps the WAL archive (kept for followers) within its
// byte bound.
//
// Thread-safe: writes are serialized internally.
#ifndef CLAIMS_COMMON_STORE_CLAIM_STORE_H_
#define CLAIMS_COMMON_STORE_CLAIM_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.pb.h"
#include "common/store/backup.h"
#include "common/store/claim_reader.h"

namespace rocksdb {
class DB;
}

namespace claims {

struct StoreOptions {
  // Sync the WAL before a write is acknowledged (survives power loss, not
  // only a process crash).
  bool sync_writes = true;
  // How long WAL files are kept so followers can catch up...
  uint64_t wal_ttl_seconds = 600;
  // ...and how many bytes of them at most (the oldest go first); 0 = no
  // bound but the time.
  uint64_t wal_archive_max_bytes = 64 << 20;
  // How often the maintenance thread retries recovery and trims the WAL
  // archive.
  absl::Duration maintenance_interval = absl::Seconds(1);
  // Called, from any thread, when writes start failing (false) or work
  // again (true).
  std::function<void(bool writable)> on_writable_change;
  // Block cache size for reads done by the writer.
  size_t block_cache_bytes = 32 << 20;
};

struct PutResult {
  std::string article_id;
  uint32_t claim_count = 0;
  // Commit sequence of the write (or of the stored version when unchanged).
  uint64_t sequence = 0;
  bool unchanged = false;  // identical content was already stored
  bool replaced = false;   // an earlier version of the id was replaced
};

// One record of the replicated log, applied on a replica (see
// common/log/log_follower.h).
struct LoggedChange {
  enum Kind { kPut, kDelete, kMark };
  Kind kind = kMark;
  // The record's writer sequence, which becomes the commit sequence: must
  // be sequence() + 1 for kPut and kDelete (kMark changes no sequence).
  uint64_t sequence = 0;
  const claims::v1::AnalyzeResponse* analysis = nullptr;  // kPut
  std::string article_id;                                 // kDelete
  // Written in the same batch: the replica's position in the log.
  std::string position_key;
  std::string position_value;
};

struct DeleteResult {
  uint32_t claims_deleted = 0;
  uint64_t sequence = 0;
};

class ClaimStore {
 public:
  // Opens (creating if missing) the database in `dir`. Fails with
  // FAILED_PRECONDITION when the stored on-disk format version differs from
  // this build's.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> Open(
      const std::string& dir, const StoreOptions& options);

  ClaimStore(const ClaimStore&) = delete;  // owns the DB handle
  ClaimStore& operator=(const ClaimStore&) = delete;
  ~ClaimStore();

  // Stores `analysis.article()` with `analysis.claims()` and
  // `analysis.actors()` atomically. If the id exists with the same
  // content_hash nothing is written (unchanged = true); with a different
  // hash its previous claims, index entries and counts are replaced in the
  // same batch. The article id must be set.
  absl::StatusOr<PutResult> PutArticle(
      const claims::v1::AnalyzeResponse& analysis);

  // PutArticle for a re-extraction of a stored article: always writes (the
  // content is the same, the extraction may not be), but only while the
  // article is still the version stored at `expected_sequence`, so a
  // re-ingest or delete that happened meanwhile is never undone. ABORTED
  // when it was replaced since, unless the replacement is this very result
  // (same content hash and extractor version: unchanged = true, nothing
  // written); NOT_FOUND when it was deleted.
  absl::StatusOr<PutResult> ReplaceExtraction(
      const claims::v1::AnalyzeResponse& analysis, uint64_t expected_sequence);

  // Removes an article, its claims, index entries and counts atomically.
  // NOT_FOUND when the id is not stored.
  absl::StatusOr<DeleteResult> DeleteArticle(std::string_view article_id);

  // Applies a log record exactly as the writer's PutArticle/DeleteArticle
  // would, but with the record's sequence, never skipping (a PUT of
  // unchanged content and a DELETE of a missing id still write the change
  // feed entry and the sequence, so sequences stay dense on every replica),
  // and with the log position in the same batch. FAILED_PRECONDITION when
  // the sequence does not follow sequence().
  absl::Status ApplyLogged(const LoggedChange& change);

  // The last commit sequence written.
  uint64_t sequence() const;

  // False from a write that failed on an I/O error until the database has
  // recovered.
  bool writable() const;

  // Writes a consistent checkpoint of the database into `dir` (must not
  // exist).
  absl::Status Checkpoint(const std::string& dir);

  // Adds a consistent backup to `backup_dir` (see backup.h); writes wait
  // while it is taken.
  absl::StatusOr<BackupInfo> Backup(const std::string& backup_dir);

  // Syncs the WAL and closes the database; later calls fail.
  absl::Status Close();

  // RocksDB's size figures (nullopt while the database is reopening).
  std::optional<DbStats> Stats() const;

  // The underlying database, for readers in the same process (tests,
  // tools). Recovery from a write error reopens it: do not keep the pointer
  // across one.
  rocksdb::DB* db();

 private:
  class Impl;
  explicit ClaimStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_STORE_CLAIM_STORE_H_
