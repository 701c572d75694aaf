#include "ingest_svc/ingest_service.h"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log/record.h"
#include "common/server/grpc_status.h"
#include "common/server/raw_message.h"
#include "common/server/reply_budget.h"
#include "common/server/request_limits.h"
#include "common/store/claim_reader.h"
#include "common/store/dates.h"
#include "common/util/status_macros.h"
#include "spdlog/spdlog.h"

namespace claims {

using claims::v1::AnalyzeRequest;
using claims::v1::AnalyzeResponse;
using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticleResponse;

// Domain metrics of the ingest path.
struct IngestServiceImpl::Metrics {
  explicit Metrics(prometheus::Registry& registry)
      : articles(prometheus::BuildCounter()
                     .Name("claims_articles_ingested_total")
                     .Help("Articles ingested, by outcome.")
                     .Register(registry)),
        stored(articles.Add({{"outcome", "stored"}})),
        replaced(articles.Add({{"outcome", "replaced"}})),
        unchanged(articles.Add({{"outcome", "unchanged"}})),
        rejected(articles.Add({{"outcome", "rejected"}})),
        claims(prometheus::BuildCounter()
                   .Name("claims_claims_extracted_total")
                   .Help("Claims extracted from stored articles.")
                   .Register(registry)
                   .Add({})),
        bytes(prometheus::BuildCounter()
                  .Name("claims_ingest_bytes_total")
                  .Help("Article body bytes received for ingest.")
                  .Register(registry)
                  .Add({})),
        extraction_seconds(prometheus::BuildHistogram()
                               .Name("claims_extraction_seconds")
                               .Help("Time to extract claims from one article.")
                               .Register(registry)
                               .Add({}, prometheus::Histogram::BucketBoundaries{
                                            0.001, 0.0025, 0.005, 0.01, 0.025,
                                            0.05, 0.1, 0.25, 0.5, 1, 2.5})) {}

  prometheus::Family<prometheus::Counter>& articles;
  prometheus::Counter& stored;
  prometheus::Counter& replaced;
  prometheus::Counter& unchanged;
  prometheus::Counter& rejected;
  prometheus::Counter& claims;
  prometheus::Counter& bytes;
  prometheus::Histogram& extraction_seconds;
};

IngestServiceImpl::IngestServiceImpl(const Extractor* extractor,
                                     ClaimStore* store, std::string backup_dir,
                                     ServiceContext context,
                                     IntakeOptions intake)
    : extractor_(extractor),
      intake_(extractor, intake),
      store_(store),
      backup_dir_(std::move(backup_dir)),
      context_(context),
      metrics_(std::make_unique<Metrics>(context.metrics->registry())) {
  const int bulk_method = claims::v1::IngestArticleRequest::descriptor()
                              ->file()
                              ->FindServiceByName("IngestService")
                              ->FindMethodByName("IngestArticles")
                              ->index();
  MarkMethodStreamed(
      bulk_method,
      new grpc::internal::BidiStreamingHandler<IngestServiceImpl,
                                               grpc::ByteBuffer,
                                               grpc::ByteBuffer>(
          &IngestServiceImpl::IngestArticlesRaw, this));
}

IngestServiceImpl::IngestServiceImpl(const Extractor* extractor,
                                     LogWriter* log_writer,
                                     ServiceContext context,
                                     IntakeOptions intake)
    : IngestServiceImpl(extractor, static_cast<ClaimStore*>(nullptr), "",
                        context, intake) {
  log_writer_ = log_writer;
}

IngestServiceImpl::~IngestServiceImpl() = default;

namespace {

absl::Status NoLocalStore(std::string_view what) {
  return absl::FailedPreconditionError(absl::StrCat(
      "replicated mode (--log): the ingest server keeps no database; ",
      std::string(what)));
}

}  // namespace

uint32_t IngestServiceImpl::ShardOfArticle(std::string_view article_id) const {
  return log_writer_ == nullptr
             ? 0
             : logrec::ShardOf(article_id, log_writer_->shards());
}

absl::StatusOr<IngestArticleResponse> IngestServiceImpl::Ingest(
    const claims::v1::Article& article) {
  if (absl::Status valid = CheckArticle(article); !valid.ok()) {
    metrics_->rejected.Increment();
    return valid;
  }
  metrics_->bytes.Increment(static_cast<double>(article.body().size()));
  absl::Time start = absl::Now();
  absl::StatusOr<AnalyzeResponse> analysis = intake_.Analyze(article);
  metrics_->extraction_seconds.Observe(absl::ToDoubleSeconds(absl::Now() - start));
  if (!analysis.ok()) {
    metrics_->rejected.Increment();
    return analysis.status();
  }
  ASSIGN_OR_RETURN(PutResult put, log_writer_ != nullptr
                                      ? log_writer_->Put(*analysis)
                                      : store_->PutArticle(*analysis));
  if (put.unchanged) {
    metrics_->unchanged.Increment();
  } else {
    (put.replaced ? metrics_->replaced : metrics_->stored).Increment();
    metrics_->claims.Increment(put.claim_count);
  }
  IngestArticleResponse response;
  response.set_article_id(put.article_id);
  response.set_claim_count(put.claim_count);
  response.set_sequence(put.sequence);
  response.set_unchanged(put.unchanged);
  response.set_replaced(put.replaced);
  response.set_shard(ShardOfArticle(put.article_id));
  return response;
}

grpc::Status IngestServiceImpl::Analyze(grpc::ServerContext* context,
                                        const AnalyzeRequest* request,
                                        AnalyzeResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (absl::Status valid = CheckArticle(request->article()); !valid.ok()) {
    return ToGrpcStatus(valid);
  }
  absl::StatusOr<AnalyzeResponse> analysis =
      intake_.Analyze(request->article());
  if (!analysis.ok()) return ToGrpcStatus(analysis.status());
  *response = *std::move(analysis);
  const size_t budget = ReplyBudget(context_.max_send_message_bytes);
  if (response->ByteSizeLong() > budget) {
    // What the body and offsets give goes first (sentence and claim texts),
    // then the body itself when it would leave the lists less than half the
    // reply (the client sent it), then the tail of each list.
    for (claims::v1::Sentence& sentence : *response->mutable_sentences()) {
      sentence.clear_text();
    }
    for (claims::v1::Claim& claim : *response->mutable_claims()) {
      claim.clear_text();
    }
    if (response->article().article().body().size() > budget / 2) {
      response->mutable_article()->mutable_article()->clear_body();
    }
    TrimToFit(response, {"sentences", "mentions", "timexes", "claims", "actors"},
              budget);
    response->set_truncated(true);
  }
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::IngestArticle(
    grpc::ServerContext* context, const IngestArticleRequest* request,
    IngestArticleResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  absl::StatusOr<IngestArticleResponse> result = Ingest(request->article());
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

claims::v1::IngestArticlesResponse IngestServiceImpl::IngestRaw(
    const grpc::ByteBuffer& raw, uint64_t index) {
  claims::v1::IngestArticlesResponse reply;
  reply.set_index(index);
  IngestArticleRequest request;
  absl::Status parsed = ParseRawMessage(raw, &request);
  absl::StatusOr<IngestArticleResponse> result =
      parsed.ok() ? Ingest(request.article())
                  : absl::StatusOr<IngestArticleResponse>(parsed);
  if (result.ok()) {
    *reply.mutable_result() = *std::move(result);
  } else {
    grpc::Status status = ToGrpcStatus(result.status());
    reply.set_code(static_cast<int32_t>(status.error_code()));
    reply.set_message(status.error_message());
  }
  return reply;
}

grpc::Status IngestServiceImpl::IngestArticlesRaw(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer>* stream) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  // A bulk load may rightly take long: no server deadline (a client's own
  // is enforced by gRPC), only the idle timeout for a client that stalls.
  StreamSlots::Lease lease(context_.stream_slots, context,
                           absl::InfiniteFuture());
  if (!lease.ok()) return lease.status();
  grpc::ByteBuffer raw;
  for (uint64_t index = 0;; ++index) {
    lease.BeginIo();
    const bool got = stream->Read(&raw);
    lease.EndIo();
    if (!got) break;
    if (context_.drain->draining()) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "server is draining; resend from index " +
                              std::to_string(index));
    }
    const grpc::ByteBuffer reply = ToRawMessage(IngestRaw(raw, index));
    lease.BeginIo();
    const bool written = stream->Write(reply);
    lease.EndIo();
    if (!written) break;  // client went away or was cancelled
  }
  if (lease.reaped() || context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "stream cancelled (client idle or past its deadline)");
  }
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::DeleteArticle(
    grpc::ServerContext* context,
    const claims::v1::DeleteArticleRequest* request,
    claims::v1::DeleteArticleResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (absl::Status valid = CheckArticleId(request->article_id()); !valid.ok()) {
    return ToGrpcStatus(valid);
  }
  absl::StatusOr<DeleteResult> deleted =
      log_writer_ != nullptr ? log_writer_->Delete(request->article_id())
                             : store_->DeleteArticle(request->article_id());
  if (!deleted.ok()) return ToGrpcStatus(deleted.status());
  response->set_article_id(request->article_id());
  response->set_claims_deleted(deleted->claims_deleted);
  response->set_sequence(deleted->sequence);
  response->set_shard(ShardOfArticle(request->article_id()));
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::CreateBackup(
    grpc::ServerContext* context, const claims::v1::CreateBackupRequest* request,
    claims::v1::CreateBackupResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (store_ == nullptr) {
    return ToGrpcStatus(NoLocalStore("back up a query replica"));
  }
  absl::StatusOr<BackupInfo> made = store_->Backup(backup_dir_);
  if (!made.ok()) return ToGrpcStatus(made.status());
  response->set_backup_id(made->id);
  response->set_sequence(made->sequence);
  response->set_size_bytes(made->size_bytes);
  response->set_files(made->files);
  response->set_timestamp(made->timestamp);
  response->set_backup_dir(backup_dir_);
  spdlog::info("backup {} of sequence {} written to {}", made->id,
               made->sequence, backup_dir_);
  return grpc::Status::OK;
}

namespace {

// The first day of a ReextractRequest bound ("" when unbounded).
absl::StatusOr<std::string> RangeBound(const std::string& value,
                                       std::string_view field) {
  if (value.empty()) return std::string();
  absl::StatusOr<absl::CivilDay> day =
      store_internal::ParseQueryDate(value, field);
  if (!day.ok()) return day.status();
  return store_internal::FormatDate(*day);
}

}  // namespace

grpc::Status IngestServiceImpl::Reextract(
    grpc::ServerContext* context, const claims::v1::ReextractRequest* request,
    grpc::ServerWriter<claims::v1::ReextractProgress>* writer) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (store_ == nullptr) {
    return ToGrpcStatus(NoLocalStore("re-extraction is not available yet"));
  }
  // Long by nature: no deadline of the server's; the idle timeout still
  // cancels it when the client stops reading.
  StreamSlots::Lease lease(context_.stream_slots, context, absl::InfiniteFuture());
  if (!lease.ok()) return lease.status();
  absl::StatusOr<std::string> from = RangeBound(request->from(), "from");
  if (!from.ok()) return ToGrpcStatus(from.status());
  absl::StatusOr<std::string> to = RangeBound(request->to(), "to");
  if (!to.ok()) return ToGrpcStatus(to.status());

  // Reads the writer's own database; each article is written through the
  // store like any ingest, so normal ingest interleaves between articles.
  ClaimReader reader(store_->db());
  absl::StatusOr<uint64_t> total = reader.CountArticles();
  if (!total.ok()) return ToGrpcStatus(total.status());
  claims::v1::ReextractProgress progress;
  progress.set_total(*total);
  progress.set_extractor_version(extractor_->version());
  progress.set_cursor(request->cursor());
  const absl::Time start = absl::Now();
  grpc::Status stopped = grpc::Status::OK;
  absl::Status scanned = reader.ForEachArticle(
      request->cursor(), [&](const claims::v1::StoredArticle& stored) {
        if (context->IsCancelled()) {
          stopped = grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
          return false;
        }
        if (context_.drain->draining()) {
          stopped = grpc::Status(
              grpc::StatusCode::UNAVAILABLE,
              "server is draining; resume with cursor " + progress.cursor());
          return false;
        }
        const std::string& date = stored.effective_published();
        const bool in_range = (from->empty() || (!date.empty() && date >= *from)) &&
                              (to->empty() || (!date.empty() && date < *to));
        const bool due = request->all() ||
                         stored.extractor_version() != extractor_->version();
        progress.set_article_id(stored.article().id());
        progress.set_reextracted(false);
        progress.set_code(0);
        progress.clear_message();
        progress.set_claim_count(stored.claim_count());
        progress.set_sequence(stored.sequence());
        if (in_range && due) {
          absl::StatusOr<AnalyzeResponse> analysis = intake_.Analyze(stored.article());
          // The stored article carries what the first extraction filled in
          // (title, authors); its content is what was delivered then.
          if (analysis.ok()) {
            analysis->mutable_article()->set_content_hash(stored.content_hash());
          }
          absl::StatusOr<PutResult> put =
              analysis.ok() ? store_->ReplaceExtraction(*analysis, stored.sequence())
                            : absl::StatusOr<PutResult>(analysis.status());
          if (put.ok() && put->unchanged) {
            progress.set_sequence(put->sequence);
            progress.set_message("already up to date");
          } else if (put.ok()) {
            progress.set_reextracted(true);
            progress.set_claim_count(put->claim_count);
            progress.set_sequence(put->sequence);
            progress.set_reextracted_total(progress.reextracted_total() + 1);
            metrics_->replaced.Increment();
          } else {
            progress.set_code(static_cast<int32_t>(put.status().code()));
            progress.set_message(std::string(put.status().message()));
            progress.set_failed(progress.failed() + 1);
          }
        }
        progress.set_examined(progress.examined() + 1);
        progress.set_cursor(stored.article().id());
        const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
        progress.set_rate(seconds > 0 ? progress.reextracted_total() / seconds : 0);
        lease.BeginIo();
        const bool written = writer->Write(progress);
        lease.EndIo();
        if (!written) {
          stopped = grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
          return false;
        }
        return true;
      });
  if (!stopped.ok()) return stopped;
  if (!scanned.ok()) return ToGrpcStatus(scanned);
  spdlog::info("re-extraction: {} examined, {} re-extracted, {} failed, {:.1f}/s",
               progress.examined(), progress.reextracted_total(),
               progress.failed(), progress.rate());
  progress.clear_article_id();
  progress.set_reextracted(false);
  progress.set_code(0);
  progress.clear_message();
  progress.set_claim_count(0);
  progress.set_sequence(store_->sequence());
  progress.set_done(true);
  lease.BeginIo();
  writer->Write(progress);
  lease.EndIo();
  return grpc::Status::OK;
}

}  // namespace claims
