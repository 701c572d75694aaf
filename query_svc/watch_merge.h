// WatchMerge: WatchClaims for every shard of the replicated log.
//
// One server reactor opens a watch on each shard (gRPC callback client
// reactors: no thread per watch) and forwards their claims as they arrive,
// each with a merged cursor. A live feed has no global order to keep; what
// matters is that a merged cursor resumes every shard without gaps or
// repeats, so it holds every shard's own watch cursor:
//
//   "wm1~" shard0-cursor "~" shard1-cursor ...
//
// A shard's position before its first claim is where its watch began,
// which the shard's server sends as initial metadata (kWatchStartMetadataKey)
// before any claim; the merge writes nothing until every shard has said
// where it starts. Each shard holds at most one claim in the merge, so a
// slow client slows the shards' streams (flow control), never buffers.
//
// A shard whose watch ends (peer down, draining, an error) ends the merged
// watch with that status, naming the shard; the client resumes with the
// last cursor.
#ifndef CLAIMS_QUERY_SVC_WATCH_MERGE_H_
#define CLAIMS_QUERY_SVC_WATCH_MERGE_H_

#include <grpcpp/support/server_callback.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claims/v1/claims.pb.h"
#include "query_svc/shard_router.h"

namespace claims {

// Initial metadata of a WatchClaims call: the watch cursor the watch
// starts after (the request's cursor, or the present as "w1.<sequence>").
inline constexpr char kWatchStartMetadataKey[] = "claims-watch-start";

// The merged cursor of per-shard watch cursors, and back. Parsing checks
// the shape and the shard count only (each shard checks its own cursor):
// INVALID_ARGUMENT otherwise.
std::string MergedWatchCursor(const std::vector<std::string>& per_shard);
absl::StatusOr<std::vector<std::string>> ParseMergedWatchCursor(
    absl::string_view cursor, uint32_t shards);

// A reactor streaming (as serialized WatchClaimsResponse messages) the
// claims of every shard matching `request`, for the call `call`. `router`
// must outlive the call. Finishes at once with INVALID_ARGUMENT for a
// cursor that is not a merged one of this many shards.
grpc::ServerWriteReactor<grpc::ByteBuffer>* OpenMergedWatch(
    const ShardRouter& router, grpc::CallbackServerContext* call,
    const claims::v1::WatchClaimsRequest& request);

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_WATCH_MERGE_H_
