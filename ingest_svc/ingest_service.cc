#include "ingest_svc/ingest_service.h"

#include "common/server/grpc_status.h"
#include "common/util/status_macros.h"
#include "spdlog/spdlog.h"

namespace claims {

using claims::v1::AnalyzeRequest;
using claims::v1::AnalyzeResponse;
using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticleResponse;

IngestServiceImpl::IngestServiceImpl(const Extractor* extractor,
                                     ClaimStore* store,
                                     const DrainSignal* drain)
    : extractor_(extractor), store_(store), drain_(drain) {}

absl::StatusOr<IngestArticleResponse> IngestServiceImpl::Ingest(
    const claims::v1::Article& article) {
  ASSIGN_OR_RETURN(AnalyzeResponse analysis, extractor_->Analyze(article));
  ASSIGN_OR_RETURN(PutResult put, store_->PutArticle(analysis));
  IngestArticleResponse response;
  response.set_article_id(put.article_id);
  response.set_claim_count(put.claim_count);
  response.set_sequence(put.sequence);
  response.set_unchanged(put.unchanged);
  response.set_replaced(put.replaced);
  return response;
}

grpc::Status IngestServiceImpl::Analyze(grpc::ServerContext* context,
                                        const AnalyzeRequest* request,
                                        AnalyzeResponse* response) {
  absl::StatusOr<AnalyzeResponse> analysis =
      extractor_->Analyze(request->article());
  if (!analysis.ok()) return ToGrpcStatus(analysis.status());
  *response = *std::move(analysis);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::IngestArticle(
    grpc::ServerContext* context, const IngestArticleRequest* request,
    IngestArticleResponse* response) {
  absl::StatusOr<IngestArticleResponse> result = Ingest(request->article());
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::IngestArticles(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<claims::v1::IngestArticlesResponse,
                             IngestArticleRequest>* stream) {
  IngestArticleRequest request;
  uint64_t index = 0;
  while (stream->Read(&request)) {
    if (drain_->draining()) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "server is draining; resend from index " +
                              std::to_string(index));
    }
    claims::v1::IngestArticlesResponse reply;
    reply.set_index(index++);
    absl::StatusOr<IngestArticleResponse> result = Ingest(request.article());
    if (result.ok()) {
      *reply.mutable_result() = *std::move(result);
    } else {
      reply.set_code(static_cast<int32_t>(result.status().code()));
      reply.set_message(std::string(result.status().message()));
    }
    if (!stream->Write(reply)) break;  // client went away
  }
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::DeleteArticle(
    grpc::ServerContext* context,
    const claims::v1::DeleteArticleRequest* request,
    claims::v1::DeleteArticleResponse* response) {
  if (request->article_id().empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "article_id is required");
  }
  absl::StatusOr<DeleteResult> deleted =
      store_->DeleteArticle(request->article_id());
  if (!deleted.ok()) return ToGrpcStatus(deleted.status());
  response->set_article_id(request->article_id());
  response->set_claims_deleted(deleted->claims_deleted);
  response->set_sequence(deleted->sequence);
  return grpc::Status::OK;
}

}  // namespace claims
