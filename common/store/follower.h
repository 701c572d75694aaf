// Follower: how the query side keeps up with the writer.
//
// The query service only ever talks to this interface, so the way it follows
// the writer can change without touching it. Today: a RocksDB secondary
// instance on the same volume (SecondaryFollower). Replicated mode: a replica
// on any machine applying the replicated log into its own database
// (LogFollower, common/log/log_follower.h). Commit sequences are the shared
// notion of "how far".
#ifndef CLAIMS_COMMON_STORE_FOLLOWER_H_
#define CLAIMS_COMMON_STORE_FOLLOWER_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/store/claim_reader.h"

namespace claims {

class Follower {
 public:
  virtual ~Follower() = default;

  // Applies whatever the writer has committed since the last call.
  virtual absl::Status CatchUp() = 0;

  // Highest commit sequence applied so far.
  virtual uint64_t AppliedSequence() const = 0;

  // Reader over the followed data; valid for the follower's lifetime.
  virtual const ClaimReader& reader() const = 0;

  // OK while the follower may serve reads. A follower that found its
  // source inconsistent (DATA_LOSS) or is still catching up after it
  // opened (UNAVAILABLE) says so here; the query server's health follows.
  virtual absl::Status Health() const { return absl::OkStatus(); }

  // What a new replica can start from: a consistent checkpoint of the
  // followed database in a new directory (the caller removes it), with the
  // commit sequence and log position it holds. UNIMPLEMENTED where the
  // follower has no database of its own (a secondary).
  struct CheckpointInfo {
    std::string dir;
    uint64_t sequence = 0;
    uint32_t shard = 0;
    uint64_t log_position = 0;
  };
  // A digest of the whole followed database from one snapshot: hex
  // SHA-256 over every key and value in order, with the sequence and log
  // position it holds. UNIMPLEMENTED where there is no snapshot (a
  // secondary).
  struct StateDigest {
    std::string digest;
    uint64_t sequence = 0;
    uint64_t log_position = 0;
    uint64_t keys = 0;
  };
  virtual absl::StatusOr<StateDigest> Digest() const {
    return absl::UnimplementedError(
        "only a replicated-mode replica (--log) computes a state digest");
  }

  virtual absl::StatusOr<CheckpointInfo> Checkpoint() const {
    return absl::UnimplementedError(
        "only a replicated-mode replica (--log) hands out checkpoints");
  }
};

struct SecondaryOptions {
  // Where the secondary keeps its own info log and state (must differ from
  // the primary's directory).
  std::string secondary_dir;
  size_t block_cache_bytes = 32 << 20;
};

// Opens `primary_dir` as a RocksDB secondary instance. UNAVAILABLE while the
// primary has not created the database yet; FAILED_PRECONDITION on a format
// version mismatch.
absl::StatusOr<std::unique_ptr<Follower>> OpenSecondaryFollower(
    const std::string& primary_dir, const SecondaryOptions& options);

}  // namespace claims

#endif  // CLAIMS_COMMON_STORE_FOLLOWER_H_
