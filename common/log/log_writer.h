// LogWriter: how a stateless ingest server appends extraction results to the
// replicated log.
//
// Each append (see record.h for what a record holds):
//   1. reads the article's latest record by key; an equal content hash and
//      extractor version means "unchanged": nothing is appended;
//   2. builds the record with writer_seq = tail + 1 and prev_digest = the
//      tail's digest;
//   3. appends it with expected-last-position = the tail's position (a
//      writer whose view is stale is fenced: ABORTED) and message id = the
//      record's digest (a retried append is answered with the original
//      position, and two different records never share an id);
//   4. on ABORTED re-reads the tail and starts over; on an unknown outcome
//      (timeout, leader change) retries the same bytes until `retry_for`.
// The caller is acknowledged only after the log acknowledged the record.
//
// Any number of LogWriters, in any number of processes, may append to the
// same log. Thread-safe: appends to one shard are serialized in-process.
#ifndef CLAIMS_COMMON_LOG_LOG_WRITER_H_
#define CLAIMS_COMMON_LOG_LOG_WRITER_H_

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "claims/storage/v1/records.pb.h"
#include "claims/v1/claims.pb.h"
#include "common/log/log.h"
#include "common/store/claim_store.h"

namespace claims {

struct LogWriterOptions {
  uint32_t shards = 1;
  // How long an append whose outcome is unknown is retried before the
  // client gets UNAVAILABLE (a NATS leader election takes ~5 s).
  absl::Duration retry_for = absl::Seconds(20);
  // Compare-and-append losses tolerated per append before ABORTED.
  int max_conflicts = 100;
  // Called once per append attempt outcome: "appended", "duplicate",
  // "conflict", "retry", "unchanged". From the appending thread.
  std::function<void(std::string_view outcome)> on_outcome;
};

class LogWriter {
 public:
  // `log` must outlive the writer.
  LogWriter(Log* log, LogWriterOptions options);
  LogWriter(const LogWriter&) = delete;  // holds per-shard tails
  LogWriter& operator=(const LogWriter&) = delete;

  // Creates the shards and their genesis records when missing
  // (idempotent, safe to race with other writers). FAILED_PRECONDITION
  // when the log exists with another shard count.
  [[nodiscard]] absl::Status Init();

  // Appends the extraction result. PutResult::sequence is the record's
  // writer sequence in its shard (the stored one when unchanged).
  [[nodiscard]] absl::StatusOr<PutResult> Put(
      const claims::v1::AnalyzeResponse& analysis);

  // Appends a delete; NOT_FOUND when the article is not in the log.
  [[nodiscard]] absl::StatusOr<DeleteResult> Delete(std::string_view article_id);

  uint32_t shards() const { return options_.shards; }

 private:
  struct Tail {
    bool known = false;
    uint64_t position = 0;
    uint64_t writer_seq = 0;
    std::string digest;
  };
  struct Shard {
    absl::Mutex mu;
    Tail tail ABSL_GUARDED_BY(mu);
  };
  // The article's current record in the log (kind PUT), if any.
  struct Current {
    bool exists = false;
    claims::storage::v1::LogRecord record;
  };
  // Decides, given the article's current record, whether to append and
  // what to answer: returns false to answer without appending.
  using Decide = std::function<absl::StatusOr<bool>(const Current&)>;

  // The append loop of the header comment, for one record. Returns the
  // writer sequence it got.
  absl::StatusOr<uint64_t> Append(uint32_t shard, std::string_view article_id,
                                  claims::storage::v1::LogRecord record,
                                  const Decide& decide);
  absl::Status LoadTail(uint32_t shard, Tail* tail);
  absl::StatusOr<Current> ReadCurrent(uint32_t shard,
                                      std::string_view article_id);
  // Appends `data` with retries on unknown outcomes.
  absl::StatusOr<AppendAck> AppendRetrying(uint32_t shard, std::string_view key,
                                           std::string_view data,
                                           uint64_t expected_last,
                                           std::string_view msg_id);
  void Count(std::string_view outcome) const;

  Log* log_;
  const LogWriterOptions options_;
  std::vector<std::unique_ptr<Shard>> shards_;
};

// The shard count recorded in shard 0's genesis record; NOT_FOUND while
// the log has not been initialized by a writer.
absl::StatusOr<uint32_t> ReadShardCount(Log* log);

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_LOG_WRITER_H_
