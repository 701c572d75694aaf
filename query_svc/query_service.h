// QueryService: the gRPC transport over the follower's ClaimReader. Maps
// requests to ClaimFilters, streams scan results with their cursors, and
// maps statuses at the edge. It never writes.
#ifndef CLAIMS_QUERY_SVC_QUERY_SERVICE_H_
#define CLAIMS_QUERY_SVC_QUERY_SERVICE_H_

#include <atomic>

#include "absl/status/statusor.h"
#include "claims/v1/claims.grpc.pb.h"
#include "common/kb/taxonomy.h"
#include "common/server/server_runner.h"
#include "common/store/claim_reader.h"
#include "query_svc/follower_loop.h"
#include "query_svc/shard_router.h"
#include "query_svc/watch_hub.h"

namespace claims {

// WatchClaims uses gRPC's callback API (served by a WatchHub, no thread per
// watcher) on raw messages, so a request that cannot be parsed gets
// INVALID_ARGUMENT; the other methods are synchronous. Every request is
// checked against request_limits.h before any work.
class QueryServiceImpl final
    : public claims::v1::QueryService::WithRawCallbackMethod_WatchClaims<
          claims::v1::QueryService::Service> {
 public:
  // Arguments must outlive the service.
  QueryServiceImpl(const FollowerLoop* follower, const Taxonomy* taxonomy,
                   WatchHub* watch_hub, ServiceContext context);

  // Replicated mode: answers for every shard through `router` (which must
  // outlive the service) from now on. Calls that carry kShardMetadataKey
  // are still answered from this server's own shard. Set once, from any
  // thread (the router is only known once the log's shard count is).
  void set_router(const ShardRouter* router) { router_.store(router); }
  // The shard this server materializes (replicated mode's --shard; 0
  // otherwise). Set before the server starts.
  void set_own_shard(uint32_t shard) { own_shard_ = shard; }

  grpc::Status QueryClaims(
      grpc::ServerContext* context,
      const claims::v1::QueryClaimsRequest* request,
      grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchClaims(
      grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request) override;
  grpc::Status GetArticle(grpc::ServerContext* context,
                          const claims::v1::GetArticleRequest* request,
                          claims::v1::GetArticleResponse* response) override;
  grpc::Status ListActors(grpc::ServerContext* context,
                          const claims::v1::ListActorsRequest* request,
                          claims::v1::ListActorsResponse* response) override;
  grpc::Status ListTopics(grpc::ServerContext* context,
                          const claims::v1::ListTopicsRequest* request,
                          claims::v1::ListTopicsResponse* response) override;
  grpc::Status ListArticles(grpc::ServerContext* context,
                            const claims::v1::ListArticlesRequest* request,
                            claims::v1::ListArticlesResponse* response) override;
  grpc::Status StreamCheckpoint(
      grpc::ServerContext* context,
      const claims::v1::StreamCheckpointRequest* request,
      grpc::ServerWriter<claims::v1::CheckpointChunk>* writer) override;
  grpc::Status StateDigest(grpc::ServerContext* context,
                           const claims::v1::StateDigestRequest* request,
                           claims::v1::StateDigestResponse* response) override;

 private:
  // The reader, or UNAVAILABLE while the database is not open yet.
  absl::StatusOr<const ClaimReader*> Reader() const;

  // The router when `call` is to be answered for every shard; null when
  // this server answers alone (one shard, or a router's call to this
  // server's shard). FAILED_PRECONDITION for a call meant for a shard this
  // server does not serve.
  absl::StatusOr<const ShardRouter*> RouterFor(
      const grpc::ServerContextBase& call) const;
  // The sequence this server's shard must have applied for `request`.
  absl::StatusOr<uint64_t> OwnRequiredSequence(
      const claims::v1::QueryClaimsRequest& request) const;
  // QueryClaims through the router.
  grpc::Status RoutedQueryClaims(
      const ShardRouter& router, grpc::ServerContext* context,
      const claims::v1::QueryClaimsRequest& request, absl::Time deadline,
      StreamSlots::Lease* lease,
      grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer);

  const FollowerLoop* follower_;
  const Taxonomy* taxonomy_;
  WatchHub* watch_hub_;
  ServiceContext context_;
  uint32_t own_shard_ = 0;
  std::atomic<const ShardRouter*> router_{nullptr};
};

// What a shard call inherits from `call`: its deadline and authorization.
ShardCall ShardCallOf(const grpc::ServerContextBase& call, absl::Time deadline);

// Builds the store filter for a request that passed CheckQueryRequest (or
// a watch's, with actors and topics only): resolves actor names and aliases
// to ids. Returns false in `*can_match` when a requested actor kind resolves
// to nothing (the answer is an empty stream, not an error).
absl::StatusOr<ClaimFilter> FilterFromRequest(
    const ClaimReader& reader, const claims::v1::QueryClaimsRequest& request,
    bool* can_match);

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_QUERY_SERVICE_H_
