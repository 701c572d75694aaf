// ShardRouter: how any query server answers for every shard of the
// replicated log when articles are spread over several (--shards).
//
// Each query server materializes one shard; the others are reached
// through their replicas (--shard_peers), the server's own shard through
// its in-process channel. The router asks every shard and combines:
//
//   QueryClaims  every shard's stream is ordered by the claims' sort key
//                (date, article id, position: the same on every shard, and
//                unique, since an article lives in exactly one shard), so
//                the router merges the streams by that key and applies the
//                limit after the merge. The result is exactly what one
//                shard holding every article would stream. A cursor is the
//                sort key of the last claim sent, so the cursor of a
//                merged item resumes every shard at once ("strictly after
//                this key" on each) and is interchangeable with a
//                single-shard cursor.
//   GetArticle   by id: the shard the id hashes to (logrec::ShardOf, the
//                ingest side's hash); by URL: every shard.
//   ListActors,  counts summed per actor / topic over the shards.
//   ListTopics
//   ListArticles pages merged by position (publication date, id; newest
//                first), the page size applied after the merge; a page
//                token is a position, so it too resumes every shard.
//   WatchClaims  see WatchMerge (watch_merge.h).
//
// Read-your-writes: commit sequences are per shard, so each shard's call
// waits for that shard's own token (RequiredSequences).
//
// Errors: a shard that cannot be asked (peer down, no peer configured) or
// that fails makes the whole call fail with the shard named in the status
// (UNAVAILABLE for a peer that is down), never a silently partial answer.
// Every shard call carries the client's deadline and its authorization
// metadata.
//
// Thread-safe: any number of calls at once.
#ifndef CLAIMS_QUERY_SVC_SHARD_ROUTER_H_
#define CLAIMS_QUERY_SVC_SHARD_ROUTER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.grpc.pb.h"

namespace claims {

// Metadata key of a call meant for one shard's replica alone (the
// router's own calls): the value is the shard number. A server that gets
// it answers from its own database and fails with FAILED_PRECONDITION if
// it serves another shard (a misconfigured --shard_peers).
inline constexpr char kShardMetadataKey[] = "claims-shard";

// What a shard call inherits from the client's call.
struct ShardCall {
  absl::Time deadline = absl::InfiniteFuture();
  // The client's "authorization" metadata, forwarded ("" = none).
  std::string authorization;
};

// One shard's QueryClaims stream, pulled item by item.
class ShardClaimStream {
 public:
  virtual ~ShardClaimStream() = default;
  // The next item; false at the end of the stream or on an error.
  virtual bool Read(claims::v1::QueryClaimsResponse* item) = 0;
  // After Read returned false: how the stream ended. Names the shard.
  virtual absl::Status Finish() = 0;
  // Ends the stream early (the merge has what it needs).
  virtual void Cancel() = 0;
  // After Finish: requested names this shard did not know (see
  // QueryClaims' trailing metadata in claims.proto).
  virtual std::vector<std::string> UnknownActors() const = 0;
  virtual std::vector<std::string> UnknownTopics() const = 0;
};

// One shard's query service as the router sees it. Statuses name the
// shard. Thread-safe.
class Shard {
 public:
  virtual ~Shard() = default;
  virtual std::unique_ptr<ShardClaimStream> QueryClaims(
      const claims::v1::QueryClaimsRequest& request, const ShardCall& call) = 0;
  virtual absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const claims::v1::GetArticleRequest& request, const ShardCall& call) = 0;
  virtual absl::StatusOr<claims::v1::ListActorsResponse> ListActors(
      const claims::v1::ListActorsRequest& request, const ShardCall& call) = 0;
  virtual absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics(
      const claims::v1::ListTopicsRequest& request, const ShardCall& call) = 0;
  virtual absl::StatusOr<claims::v1::ListArticlesResponse> ListArticles(
      const claims::v1::ListArticlesRequest& request, const ShardCall& call) = 0;
  // For WatchMerge: a stub on this shard's channel, and the context set up
  // for a call to it (deadline, metadata).
  virtual claims::v1::QueryService::StubInterface* stub() = 0;
  virtual void Prepare(const ShardCall& call, grpc::ClientContext* context) = 0;
  // "shard K (host:port)", for messages.
  virtual const std::string& name() const = 0;
};

// A shard reached over gRPC: a peer replica, or this server's own
// in-process channel.
std::unique_ptr<Shard> MakeGrpcShard(uint32_t shard, std::string address,
                                     std::shared_ptr<grpc::Channel> channel);

// Parses --shard_peers: "0=host:port,1=host:port" (empty = none).
// INVALID_ARGUMENT naming the bad entry.
absl::StatusOr<std::map<uint32_t, std::string>> ParseShardPeers(
    std::string_view flag);

// The sequence each of `shards` shards must have applied for `request`'s
// read-your-writes tokens (0 = no wait): min_sequence with
// min_sequence_shard, and every min_shard_sequences entry, the highest per
// shard. INVALID_ARGUMENT for a shard out of range, or for min_sequence
// without min_sequence_shard when there are several shards.
absl::StatusOr<std::vector<uint64_t>> RequiredSequences(
    const claims::v1::QueryClaimsRequest& request, uint32_t shards);

class ShardRouter {
 public:
  // Called for every item of a merged stream, in order; false stops it.
  using Emit = std::function<bool(const claims::v1::QueryClaimsResponse&)>;

  // Names the requests' unknown actors and topics: those no shard knew.
  struct UnknownNames {
    std::vector<std::string> actors;
    std::vector<std::string> topics;
  };

  // `own_shard` is the shard this server materializes. `shards` holds one
  // entry per shard, in shard order; an entry may be null (no peer
  // configured for it: calls fail with FAILED_PRECONDITION naming it).
  ShardRouter(uint32_t own_shard, std::vector<std::unique_ptr<Shard>> shards);
  ShardRouter(const ShardRouter&) = delete;  // owns the shards' channels
  ShardRouter& operator=(const ShardRouter&) = delete;

  uint32_t own_shard() const { return own_shard_; }
  uint32_t shards() const { return static_cast<uint32_t>(shards_.size()); }

  // Streams the merged answer to `emit`. The returned status is the
  // call's: OK at the end (or when `emit` stopped it), else the first
  // shard error, after which nothing more is emitted.
  absl::Status QueryClaims(const claims::v1::QueryClaimsRequest& request,
                           const ShardCall& call, const Emit& emit,
                           UnknownNames* unknown) const;

  absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const claims::v1::GetArticleRequest& request, const ShardCall& call) const;
  // Actors ordered as one shard orders them (most claims first, ties by
  // id) after summing; every shard is asked for its first 1,000 matches.
  absl::StatusOr<claims::v1::ListActorsResponse> ListActors(
      const claims::v1::ListActorsRequest& request, const ShardCall& call) const;
  absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics(
      const claims::v1::ListTopicsRequest& request, const ShardCall& call) const;
  absl::StatusOr<claims::v1::ListArticlesResponse> ListArticles(
      const claims::v1::ListArticlesRequest& request, const ShardCall& call) const;

  // The shard `shard`, or FAILED_PRECONDITION when none is configured.
  absl::StatusOr<Shard*> shard(uint32_t shard) const;

 private:
  const uint32_t own_shard_;
  const std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_SHARD_ROUTER_H_
