// Bootstrap of a new query replica from a healthy peer: fetches the peer's
// checkpoint (QueryService.StreamCheckpoint) into a local directory, which
// then opens as this replica's database and replays the log from the
// checkpoint's position (the position travels inside the database).
#ifndef CLAIMS_QUERY_SVC_CHECKPOINT_FETCH_H_
#define CLAIMS_QUERY_SVC_CHECKPOINT_FETCH_H_

#include <string>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims {

// Streams the checkpoint of the replica at `peer` (host:port, plaintext)
// into `dir`, which must not exist: files go to `dir`.partial first, which is
// renamed into place only when complete, so a crash mid-copy leaves no
// half database. Returns the first chunk's header (sequence, shard, log
// position). `bearer_token` is sent when not empty.
absl::StatusOr<claims::v1::CheckpointChunk> FetchCheckpoint(
    const std::string& peer, const std::string& dir,
    const std::string& bearer_token = "");

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_CHECKPOINT_FETCH_H_
