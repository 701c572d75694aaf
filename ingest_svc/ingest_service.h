// IngestService: the gRPC transport in front of extraction and the store
// writer. Each RPC maps the request, calls the core, and maps the status.
#ifndef CLAIMS_INGEST_SVC_INGEST_SERVICE_H_
#define CLAIMS_INGEST_SVC_INGEST_SERVICE_H_

#include "absl/status/statusor.h"
#include "claims/v1/claims.grpc.pb.h"
#include "common/extract/extractor.h"
#include "common/ingest/article_intake.h"
#include "common/log/log_writer.h"
#include "common/server/server_runner.h"
#include "common/store/claim_store.h"

namespace claims {

// IngestArticles reads raw messages (see raw_message.h), so one that cannot
// be parsed is answered with its own error and the stream goes on. Every
// article is checked against request_limits.h before extraction.
class IngestServiceImpl final : public claims::v1::IngestService::Service {
 public:
  // `extractor`, `store` and what `context` points to must outlive the
  // service. `intake` says how articles are read before extraction (HTML,
  // language policy).
  IngestServiceImpl(const Extractor* extractor, ClaimStore* store,
                    std::string backup_dir, ServiceContext context,
                    IntakeOptions intake = {});
  // Replicated mode: stateless, every write is appended to the log through
  // `log_writer` (which must outlive the service) and acknowledged once
  // the log has it. There is no local store: CreateBackup and Reextract
  // answer FAILED_PRECONDITION (back up a query replica instead).
  IngestServiceImpl(const Extractor* extractor, LogWriter* log_writer,
                    ServiceContext context, IntakeOptions intake = {});
  ~IngestServiceImpl() override;

  grpc::Status Analyze(grpc::ServerContext* context,
                       const claims::v1::AnalyzeRequest* request,
                       claims::v1::AnalyzeResponse* response) override;
  grpc::Status IngestArticle(
      grpc::ServerContext* context,
      const claims::v1::IngestArticleRequest* request,
      claims::v1::IngestArticleResponse* response) override;
  // IngestArticles on raw messages; registered in place of the typed
  // method.
  grpc::Status IngestArticlesRaw(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer>* stream);
  grpc::Status DeleteArticle(
      grpc::ServerContext* context,
      const claims::v1::DeleteArticleRequest* request,
      claims::v1::DeleteArticleResponse* response) override;
  grpc::Status CreateBackup(
      grpc::ServerContext* context,
      const claims::v1::CreateBackupRequest* request,
      claims::v1::CreateBackupResponse* response) override;
  grpc::Status Reextract(
      grpc::ServerContext* context,
      const claims::v1::ReextractRequest* request,
      grpc::ServerWriter<claims::v1::ReextractProgress>* writer) override;

 private:
  // Extract and store one article: the core of both ingest RPCs.
  absl::StatusOr<claims::v1::IngestArticleResponse> Ingest(
      const claims::v1::Article& article);
  // One bulk item: parse, ingest, and the item's reply.
  claims::v1::IngestArticlesResponse IngestRaw(const grpc::ByteBuffer& raw,
                                               uint64_t index);

  // The shard whose sequence a reply for `article_id` carries (0 without
  // shards): the same hash the log writer spreads articles with.
  uint32_t ShardOfArticle(std::string_view article_id) const;

  struct Metrics;

  const Extractor* extractor_;
  const ArticleIntake intake_;
  ClaimStore* store_;            // single-machine mode, else null
  LogWriter* log_writer_ = nullptr;  // replicated mode, else null
  const std::string backup_dir_;
  ServiceContext context_;
  std::unique_ptr<Metrics> metrics_;
};

}  // namespace claims

#endif  // CLAIMS_INGEST_SVC_INGEST_SERVICE_H_
