// NatsLog: the Log on NATS JetStream (libnats, Debian libnats-dev 3.4).
//
// Shard s is the stream `<stream_prefix><s>` (CLAIMS_LOG_0, ...) with
// subjects `<subject_prefix>.<s>.>`; an entry with key k is published on
// `<subject_prefix>.<s>.<k>`. Streams use file storage, `replicas` copies,
// a dedup window, DenyDelete/DenyPurge and AllowDirect. Appends are
// synchronous publishes with Nats-Msg-Id and Nats-Expected-Last-Sequence;
// readers are ordered consumers from a start sequence.
//
// Status mapping: wrong last sequence (JetStream error 10071) is ABORTED;
// a timeout DEADLINE_EXCEEDED; no responders, no connection and other
// transport failures UNAVAILABLE; a missing stream or message NOT_FOUND.
//
// Thread-safe (libnats connections and JetStream contexts are).
#ifndef CLAIMS_COMMON_LOG_NATS_LOG_H_
#define CLAIMS_COMMON_LOG_NATS_LOG_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/log/log.h"

namespace claims {
class NatsLogReader;

struct NatsLogOptions {
  // host:port or nats://host:port, one or more (any node of the cluster).
  std::vector<std::string> servers;
  // Copies of each stream (3 tolerates one lost node).
  int replicas = 3;
  // Largest entry accepted by the streams (the server's max_payload must
  // allow it too; 2.9's default is 1 MiB).
  int32_t max_entry_bytes = 1 << 20;
  // How long a retried append with the same id is deduplicated.
  absl::Duration dedup_window = absl::Minutes(10);
  // Timeout of each JetStream request.
  absl::Duration request_timeout = absl::Seconds(5);
  std::string stream_prefix = "CLAIMS_LOG_";
  std::string subject_prefix = "claims.v1.log";
};

// Parses --log's value: "nats://h1:p1,h2:p2" (the scheme once, or on every
// server). INVALID_ARGUMENT for another scheme or an empty list.
absl::StatusOr<std::vector<std::string>> ParseNatsUrl(const std::string& url);

class NatsLog final : public Log {
 public:
  // Connects (reconnecting forever afterwards). UNAVAILABLE when no server
  // answers.
  static absl::StatusOr<std::unique_ptr<NatsLog>> Connect(NatsLogOptions options);
  ~NatsLog() override;
  NatsLog(const NatsLog&) = delete;  // owns the connection
  NatsLog& operator=(const NatsLog&) = delete;

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

  // The name of the node leading `shard`'s stream ("" when unknown): for
  // tests that kill the leader and for status output.
  absl::StatusOr<std::string> Leader(uint32_t shard);

  // What JetStream reports of `shard`'s stream, for `claimctl log`. Only
  // shown, never trusted: the scale-out study saw replicas reported
  // current with lag 0 that were not.
  struct StreamStatus {
    std::string stream;
    uint64_t first_position = 0;  // 0 when empty
    uint64_t last_position = 0;
    uint64_t messages = 0;
    uint64_t bytes = 0;
    int64_t consumers = 0;
    std::string leader;  // "" when unknown
    struct Peer {       // another copy of the stream, as the leader sees it
      std::string name;
      bool current = false;
      bool offline = false;
      uint64_t lag = 0;  // records behind the leader
      absl::Duration last_active;
    };
    std::vector<Peer> peers;
  };
  absl::StatusOr<StreamStatus> Status(uint32_t shard);

 private:
  struct Impl;
  friend class NatsLogReader;
  explicit NatsLog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_NATS_LOG_H_
