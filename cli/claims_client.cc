#include "cli/claims_client.h"

#include <thread>

#include "absl/strings/str_split.h"

namespace claims {
namespace {

// One unary call with a deadline; the status mapped to absl.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallUnary(
    const ClaimsClient& client, Stub* stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                 Response*),
    const Request& request) {
  grpc::ClientContext context;
  client.Prepare(&context);
  Response response;
  grpc::Status status = (stub->*method)(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

// Reads a server stream into `on_item` until it ends or `on_item` returns
// false (then the call is cancelled, which is not an error).
template <typename Response>
absl::Status ReadStream(
    grpc::ClientContext* context, grpc::ClientReader<Response>* reader,
    const std::function<bool(const Response&)>& on_item) {
  Response item;
  while (reader->Read(&item)) {
    if (!on_item(item)) {
      context->TryCancel();
      break;
    }
  }
  grpc::Status status = reader->Finish();
  if (status.error_code() == grpc::StatusCode::CANCELLED) {
    return absl::OkStatus();
  }
  return FromGrpcStatus(status);
}

}  // namespace

using claims::v1::Article;

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

std::shared_ptr<grpc::Channel> ClaimsClient::Connect(
    const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

ClaimsClient::ClaimsClient(std::shared_ptr<grpc::Channel> ingest,
                           std::shared_ptr<grpc::Channel> query)
    : ingest_(ingest ? claims::v1::IngestService::NewStub(ingest) : nullptr),
      query_(query ? claims::v1::QueryService::NewStub(query) : nullptr) {}

void ClaimsClient::Prepare(grpc::ClientContext* context,
                           bool with_deadline) const {
  if (with_deadline) {
    context->set_deadline(std::chrono::system_clock::now() +
                          absl::ToChronoMilliseconds(timeout_));
  }
  if (!bearer_token_.empty()) {
    context->AddMetadata("authorization", "Bearer " + bearer_token_);
  }
}

absl::StatusOr<claims::v1::AnalyzeResponse> ClaimsClient::Analyze(
    const Article& article) {
  claims::v1::AnalyzeRequest request;
  *request.mutable_article() = article;
  return CallUnary(*this, ingest_.get(), &claims::v1::IngestService::Stub::Analyze,
                   request);
}

absl::StatusOr<claims::v1::IngestArticleResponse> ClaimsClient::IngestArticle(
    const Article& article) {
  claims::v1::IngestArticleRequest request;
  *request.mutable_article() = article;
  return CallUnary(*this, ingest_.get(),
                   &claims::v1::IngestService::Stub::IngestArticle, request);
}

absl::Status ClaimsClient::IngestArticles(
    const std::vector<Article>& articles,
    const std::function<void(const claims::v1::IngestArticlesResponse&)>&
        on_result) {
  grpc::ClientContext context;
  Prepare(&context, /*with_deadline=*/false);
  auto stream = ingest_->IngestArticles(&context);
  // Write from one thread and read from another, so large batches never
  // deadlock on flow control.
  std::thread writer([&] {
    claims::v1::IngestArticleRequest request;
    for (const Article& article : articles) {
      *request.mutable_article() = article;
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  claims::v1::IngestArticlesResponse response;
  while (stream->Read(&response)) on_result(response);
  writer.join();
  return FromGrpcStatus(stream->Finish());
}

absl::StatusOr<claims::v1::DeleteArticleResponse> ClaimsClient::DeleteArticle(
    const std::string& article_id) {
  claims::v1::DeleteArticleRequest request;
  request.set_article_id(article_id);
  return CallUnary(*this, ingest_.get(),
                   &claims::v1::IngestService::Stub::DeleteArticle, request);
}

absl::StatusOr<claims::v1::CreateBackupResponse> ClaimsClient::CreateBackup() {
  return CallUnary(*this, ingest_.get(),
                   &claims::v1::IngestService::Stub::CreateBackup,
                   claims::v1::CreateBackupRequest());
}

absl::Status ClaimsClient::QueryClaims(
    const claims::v1::QueryClaimsRequest& request,
    const std::function<bool(const claims::v1::QueryClaimsResponse&)>&
        on_item,
    QueryNotes* notes) {
  grpc::ClientContext context;
  Prepare(&context);
  auto reader = query_->QueryClaims(&context, request);
  absl::Status status = ReadStream(&context, reader.get(), on_item);
  if (notes != nullptr) {
    const auto& trailers = context.GetServerTrailingMetadata();
    for (const auto& [key, out] :
         {std::pair{"claims-unknown-actors-bin", &notes->unknown_actors},
          {"claims-unknown-topics-bin", &notes->unknown_topics}}) {
      auto found = trailers.find(key);
      if (found == trailers.end()) continue;
      for (absl::string_view name : absl::StrSplit(
               absl::string_view(found->second.data(), found->second.size()),
               ',', absl::SkipEmpty())) {
        out->emplace_back(name);
      }
    }
  }
  return status;
}

absl::StatusOr<std::vector<claims::v1::QueryClaimsResponse>>
ClaimsClient::QueryAll(const claims::v1::QueryClaimsRequest& request) {
  std::vector<claims::v1::QueryClaimsResponse> items;
  absl::Status status =
      QueryClaims(request, [&](const claims::v1::QueryClaimsResponse& item) {
        items.push_back(item);
        return true;
      });
  if (!status.ok()) return status;
  return items;
}

absl::Status ClaimsClient::WatchClaims(
    const claims::v1::WatchClaimsRequest& request,
    const std::function<bool(const claims::v1::WatchClaimsResponse&)>& on_item,
    grpc::ClientContext* context) {
  Prepare(context, /*with_deadline=*/false);
  auto reader = query_->WatchClaims(context, request);
  return ReadStream(context, reader.get(), on_item);
}

absl::StatusOr<claims::v1::GetArticleResponse> ClaimsClient::GetArticle(
    const std::string& article_id, bool include_claims) {
  claims::v1::GetArticleRequest request;
  request.set_article_id(article_id);
  request.set_include_claims(include_claims);
  return CallUnary(*this, query_.get(), &claims::v1::QueryService::Stub::GetArticle,
                   request);
}

absl::StatusOr<claims::v1::ListActorsResponse> ClaimsClient::ListActors(
    const std::string& prefix, uint32_t limit) {
  claims::v1::ListActorsRequest request;
  request.set_prefix(prefix);
  request.set_limit(limit);
  return CallUnary(*this, query_.get(), &claims::v1::QueryService::Stub::ListActors,
                   request);
}

absl::StatusOr<claims::v1::ListTopicsResponse> ClaimsClient::ListTopics() {
  return CallUnary(*this, query_.get(), &claims::v1::QueryService::Stub::ListTopics,
                   claims::v1::ListTopicsRequest());
}

absl::StatusOr<claims::v1::StateDigestResponse> ClaimsClient::StateDigest() {
  return CallUnary(*this, query_.get(), &claims::v1::QueryService::Stub::StateDigest,
                   claims::v1::StateDigestRequest());
}

absl::StatusOr<claims::v1::GetArticleResponse> ClaimsClient::GetArticle(
    const claims::v1::GetArticleRequest& request) {
  return CallUnary(*this, query_.get(), &claims::v1::QueryService::Stub::GetArticle,
                   request);
}

absl::StatusOr<claims::v1::ListArticlesResponse> ClaimsClient::ListArticles(
    const claims::v1::ListArticlesRequest& request) {
  return CallUnary(*this, query_.get(),
                   &claims::v1::QueryService::Stub::ListArticles, request);
}

absl::Status ClaimsClient::Reextract(
    const claims::v1::ReextractRequest& request,
    const std::function<void(const claims::v1::ReextractProgress&)>&
        on_progress) {
  grpc::ClientContext context;
  Prepare(&context, /*with_deadline=*/false);
  auto reader = ingest_->Reextract(&context, request);
  return ReadStream<claims::v1::ReextractProgress>(
      &context, reader.get(), [&](const claims::v1::ReextractProgress& p) {
        on_progress(p);
        return true;
      });
}

}  // namespace claims
