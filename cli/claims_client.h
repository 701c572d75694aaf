// ClaimsClient: one method per RPC of the ingest and query services, with
// gRPC statuses turned into absl::Status. The shape claimctl and the
// integration tests share.
//
//   ClaimsClient client(ClaimsClient::Connect("127.0.0.1:50051"),
//                       ClaimsClient::Connect("127.0.0.1:50052"));
//   ASSIGN_OR_RETURN(auto reply, client.IngestArticle(article));
#ifndef CLAIMS_CLI_CLAIMS_CLIENT_H_
#define CLAIMS_CLI_CLAIMS_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.grpc.pb.h"

namespace claims {

// What a query's server said about its filters besides the claims.
struct QueryNotes {
  // Actor names that match no actor, topic ids the taxonomy does not have.
  std::vector<std::string> unknown_actors;
  std::vector<std::string> unknown_topics;
};

class ClaimsClient {
 public:
  // An insecure channel to `address` ("host:port").
  static std::shared_ptr<grpc::Channel> Connect(const std::string& address);

  ClaimsClient(std::shared_ptr<grpc::Channel> ingest,
               std::shared_ptr<grpc::Channel> query);

  // Per-call deadline for unary calls and the whole of a query stream.
  void set_timeout(absl::Duration timeout) { timeout_ = timeout; }
  // Sent as "authorization: Bearer <token>" on every call ("" = none).
  void set_bearer_token(std::string token) { bearer_token_ = std::move(token); }

  // Deadline and credentials on a new call's context.
  void Prepare(grpc::ClientContext* context, bool with_deadline = true) const;

  absl::StatusOr<claims::v1::AnalyzeResponse> Analyze(
      const claims::v1::Article& article);
  absl::StatusOr<claims::v1::IngestArticleResponse> IngestArticle(
      const claims::v1::Article& article);
  // Sends all `articles` on one stream; `on_result` sees each reply in order.
  absl::Status IngestArticles(
      const std::vector<claims::v1::Article>& articles,
      const std::function<void(const claims::v1::IngestArticlesResponse&)>&
          on_result);
  absl::StatusOr<claims::v1::DeleteArticleResponse> DeleteArticle(
      const std::string& article_id);
  absl::StatusOr<claims::v1::CreateBackupResponse> CreateBackup();

  // Streams results to `on_item` until the stream ends or it returns false;
  // fills `notes` (when given) from the server's trailing metadata.
  absl::Status QueryClaims(
      const claims::v1::QueryClaimsRequest& request,
      const std::function<bool(const claims::v1::QueryClaimsResponse&)>&
          on_item,
      QueryNotes* notes = nullptr);
  // Collects a whole query.
  absl::StatusOr<std::vector<claims::v1::QueryClaimsResponse>> QueryAll(
      const claims::v1::QueryClaimsRequest& request);
  // Follows a watch until `on_item` returns false or `context` is cancelled.
  // The caller may own `context` to cancel from another thread.
  absl::Status WatchClaims(
      const claims::v1::WatchClaimsRequest& request,
      const std::function<bool(const claims::v1::WatchClaimsResponse&)>&
          on_item,
      grpc::ClientContext* context);

  absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const std::string& article_id, bool include_claims);
  absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const claims::v1::GetArticleRequest& request);
  absl::StatusOr<claims::v1::ListArticlesResponse> ListArticles(
      const claims::v1::ListArticlesRequest& request);
  // Streams re-extraction progress to `on_progress` (no deadline: a run
  // over a large store takes long).
  absl::Status Reextract(
      const claims::v1::ReextractRequest& request,
      const std::function<void(const claims::v1::ReextractProgress&)>&
          on_progress);
  absl::StatusOr<claims::v1::ListActorsResponse> ListActors(
      const std::string& prefix, uint32_t limit);
  absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics();
  // Replicated mode: a digest of the replica's whole database with its
  // sequence and log position.
  absl::StatusOr<claims::v1::StateDigestResponse> StateDigest();

 private:
  std::unique_ptr<claims::v1::IngestService::Stub> ingest_;
  std::unique_ptr<claims::v1::QueryService::Stub> query_;
  absl::Duration timeout_ = absl::Seconds(60);
  std::string bearer_token_;
};

// The absl::Status for a gRPC status (same code and message).
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace claims

#endif  // CLAIMS_CLI_CLAIMS_CLIENT_H_
