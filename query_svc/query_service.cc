#include "query_svc/query_service.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "common/server/grpc_status.h"
#include "common/server/raw_message.h"
#include "common/server/reply_budget.h"
#include "common/server/request_limits.h"
#include "common/util/canonical_url.h"
#include "common/util/status_macros.h"
#include "google/protobuf/unknown_field_set.h"
#include "query_svc/watch_merge.h"

namespace claims {
namespace {

using claims::v1::Claim;

const grpc::Status kDraining(grpc::StatusCode::UNAVAILABLE,
                             "server is draining; resume with the last cursor");

void AddUnknownNames(const ShardRouter::UnknownNames& unknown,
                     grpc::ServerContext* context);

// Reports names of the request that match nothing in trailing metadata
// (binary, since names may be any UTF-8), so a client can tell "no such
// actor" from "no claims" (see QueryClaims in claims.proto).
void ReportUnknownNames(const ClaimReader& reader, const Taxonomy& taxonomy,
                        const claims::v1::QueryClaimsRequest& request,
                        grpc::ServerContext* context) {
  std::vector<std::string> actors;
  for (const std::string& name : request.actors()) {
    if (reader.ResolveActor(name).empty()) actors.push_back(name);
  }
  std::vector<std::string> topics;
  for (const std::string& topic : request.topics()) {
    std::string_view id = topic;
    while (!id.empty() && id.back() == '/') id.remove_suffix(1);
    if (taxonomy.Canonical(id).empty()) topics.push_back(topic);  // ids and aliases
  }
  AddUnknownNames({std::move(actors), std::move(topics)}, context);
}

// Replaces each requested topic by the ids a claim may carry for it: a
// former id (an alias) names its topic, and claims stored before the ids
// changed carry the aliases of the topic and of its descendants. The claim
// index already lists every claim under each ancestor of its topics, so a
// parent matches its descendants. Unknown topics stay as they are.
void ExpandTopicAliases(const Taxonomy& taxonomy,
                        google::protobuf::RepeatedPtrField<std::string>* topics) {
  google::protobuf::RepeatedPtrField<std::string> expanded;
  absl::flat_hash_set<std::string> seen;
  for (const std::string& topic : *topics) {
    std::string_view id = topic;
    while (!id.empty() && id.back() == '/') id.remove_suffix(1);
    std::vector<std::string> ids = taxonomy.QueryIds(id);
    if (ids.empty()) ids.push_back(topic);
    for (std::string& q : ids) {
      if (seen.insert(q).second) *expanded.Add() = std::move(q);
    }
  }
  *topics = std::move(expanded);
}

// Claims streamed per transport write (the first goes out alone), and how
// long after the last write a claim may be corked.
constexpr uint64_t kClaimsPerTransportWrite = 16;
constexpr absl::Duration kMaxCorkedTime = absl::Milliseconds(2);

// Sets the response's claim to the stored bytes of a claim without parsing
// them: on the wire they are field `claim` exactly as if the message had
// been set and serialized, so the server does not decode and re-encode
// every claim it streams.
void SetEncodedClaim(const std::string& encoded,
                     claims::v1::QueryClaimsResponse* response) {
  google::protobuf::UnknownFieldSet* fields =
      response->GetReflection()->MutableUnknownFields(response);
  if (fields->field_count() == 1) {  // the previous claim's: reuse its buffer
    *fields->mutable_field(0)->mutable_length_delimited() = encoded;
    return;
  }
  fields->Clear();
  *fields->AddLengthDelimited(
      claims::v1::QueryClaimsResponse::kClaimFieldNumber) = encoded;
}

// Writes a QueryClaims stream's items. Write blocks while the client is
// slow (flow control), so the server never buffers the result. Claims that
// come in a burst are corked so several share one transport write; the
// first claim, every kClaimsPerTransportWrite-th and any after a pause go
// out at once with whatever is corked, and the end of the stream flushes
// the rest.
class CorkedWriter {
 public:
  CorkedWriter(grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer,
               StreamSlots::Lease* lease)
      : writer_(writer), lease_(lease) {}

  // False when the client is gone.
  bool Write(const claims::v1::QueryClaimsResponse& item, absl::Time now) {
    grpc::WriteOptions options;
    if (written_++ % kClaimsPerTransportWrite != 0 &&
        now - last_flush_ < kMaxCorkedTime) {
      options.set_buffer_hint();
    } else {
      last_flush_ = now;
    }
    lease_->BeginIo();
    const bool written = writer_->Write(item, options);
    lease_->EndIo();
    return written;
  }

 private:
  grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer_;
  StreamSlots::Lease* lease_;
  uint64_t written_ = 0;
  absl::Time last_flush_ = absl::InfinitePast();
};

void AddUnknownNames(const ShardRouter::UnknownNames& unknown,
                     grpc::ServerContext* context) {
  if (!unknown.actors.empty()) {
    context->AddTrailingMetadata("claims-unknown-actors-bin",
                                 absl::StrJoin(unknown.actors, ","));
  }
  if (!unknown.topics.empty()) {
    context->AddTrailingMetadata("claims-unknown-topics-bin",
                                 absl::StrJoin(unknown.topics, ","));
  }
}

// A routed unary call's reply.
template <typename Response>
grpc::Status Routed(absl::StatusOr<Response> routed, Response* response) {
  if (!routed.ok()) return ToGrpcStatus(routed.status());
  *response = *std::move(routed);
  return grpc::Status::OK;
}

}  // namespace

ShardCall ShardCallOf(const grpc::ServerContextBase& call, absl::Time deadline) {
  ShardCall out;
  out.deadline = deadline;
  const auto& metadata = call.client_metadata();
  auto it = metadata.find("authorization");
  if (it != metadata.end()) out.authorization.assign(it->second.data(), it->second.size());
  return out;
}

absl::StatusOr<ClaimFilter> FilterFromRequest(
    const ClaimReader& reader, const claims::v1::QueryClaimsRequest& request,
    bool* can_match) {
  *can_match = true;
  ClaimFilter filter;
  for (const std::string& name : request.actors()) {
    std::vector<std::string> ids = reader.ResolveActor(name);
    filter.actor_ids.insert(filter.actor_ids.end(), ids.begin(), ids.end());
  }
  if (request.expand_countries()) {
    const size_t resolved = filter.actor_ids.size();
    for (size_t i = 0; i < resolved; ++i) {
      absl::StatusOr<std::vector<std::string>> affiliated =
          reader.AffiliatedActors(filter.actor_ids[i]);
      if (!affiliated.ok()) return affiliated.status();
      filter.actor_ids.insert(filter.actor_ids.end(), affiliated->begin(),
                              affiliated->end());
    }
  }
  if (!request.actors().empty() && filter.actor_ids.empty()) {
    *can_match = false;
  }
  filter.topics.assign(request.topics().begin(), request.topics().end());
  filter.from = request.from();
  filter.to = request.to();
  filter.date_field = request.date_field();  // UNSPECIFIED means EFFECTIVE
  filter.article_ids.assign(request.article_ids().begin(),
                            request.article_ids().end());
  for (int type : request.types()) {
    filter.types.push_back(static_cast<claims::v1::ClaimType>(type));
  }
  for (int modality : request.modalities()) {
    filter.modalities.push_back(static_cast<claims::v1::Modality>(modality));
  }
  filter.min_confidence = request.min_confidence();
  return filter;
}

QueryServiceImpl::QueryServiceImpl(const FollowerLoop* follower,
                                   const Taxonomy* taxonomy,
                                   WatchHub* watch_hub, ServiceContext context)
    : follower_(follower),
      taxonomy_(taxonomy),
      watch_hub_(watch_hub),
      context_(context) {}

absl::StatusOr<const ClaimReader*> QueryServiceImpl::Reader() const {
  const Follower* follower = follower_->follower();
  if (follower == nullptr) {
    return absl::UnavailableError("the database is not open yet");
  }
  return &follower->reader();
}

grpc::Status QueryServiceImpl::QueryClaims(
    grpc::ServerContext* context,
    const claims::v1::QueryClaimsRequest* request,
    grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (absl::Status valid = CheckQueryRequest(*request); !valid.ok()) {
    return ToGrpcStatus(valid);
  }
  const absl::Time deadline = context_.DeadlineOf(*context);
  StreamSlots::Lease lease(context_.stream_slots, context, deadline);
  if (!lease.ok()) return lease.status();
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return ToGrpcStatus(router.status());
  if (*router != nullptr) {
    return RoutedQueryClaims(**router, context, *request, deadline, &lease,
                             writer);
  }
  absl::StatusOr<const ClaimReader*> reader = Reader();
  if (!reader.ok()) return ToGrpcStatus(reader.status());

  absl::StatusOr<uint64_t> required = OwnRequiredSequence(*request);
  if (!required.ok()) return ToGrpcStatus(required.status());
  if (*required > 0) {
    uint64_t applied = follower_->WaitForSequence(
        *required, deadline, [context] { return context->IsCancelled(); });
    if (applied < *required) {
      if (context->IsCancelled()) {
        return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
      }
      return grpc::Status(
          grpc::StatusCode::DEADLINE_EXCEEDED,
          absl::StrCat("min_sequence ", *required, " of shard ", own_shard_,
                       " not reached: the query side has applied ", applied));
    }
  }

  bool can_match = true;
  claims::v1::QueryClaimsRequest expanded;
  if (!request->topics().empty()) {
    expanded = *request;
    ExpandTopicAliases(*taxonomy_, expanded.mutable_topics());
  }
  absl::StatusOr<ClaimFilter> filter = FilterFromRequest(
      **reader, request->topics().empty() ? *request : expanded, &can_match);
  if (!filter.ok()) return ToGrpcStatus(filter.status());
  ReportUnknownNames(**reader, *taxonomy_, *request, context);
  if (!can_match) return grpc::Status::OK;

  ScanOptions options;
  options.newest_first = request->order() == claims::v1::NEWEST_FIRST;
  options.cursor = request->cursor();
  options.limit = request->limit();
  // Lets a scan that matches little notice a cancelled call, a drain or
  // the server's default deadline.
  bool past_deadline = false;
  options.keep_going = [&] {
    past_deadline = absl::Now() >= deadline;
    return !context->IsCancelled() && !context_.drain->draining() &&
           !past_deadline;
  };

  bool interrupted_by_drain = false;
  bool client_gone = false;
  claims::v1::QueryClaimsResponse item;
  CorkedWriter out(writer, &lease);
  absl::Status scanned =
      (*reader)->Scan(*filter, options, [&](const ScannedClaim& scanned_claim) {
        if (context->IsCancelled()) {
          client_gone = true;
          return false;
        }
        if (context_.drain->draining()) {
          interrupted_by_drain = true;
          return false;
        }
        const absl::Time now = absl::Now();
        if (now >= deadline) {
          past_deadline = true;
          return false;
        }
        SetEncodedClaim(scanned_claim.encoded_claim, &item);
        item.set_cursor(scanned_claim.cursor);
        if (!out.Write(item, now)) {
          client_gone = true;
          return false;
        }
        return true;
      });
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  }
  if (context_.drain->draining()) return kDraining;
  if (past_deadline) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        "deadline reached; resume with the last cursor");
  }
  if (!scanned.ok()) return ToGrpcStatus(scanned);
  if (client_gone) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  if (interrupted_by_drain) return kDraining;
  return grpc::Status::OK;
}

absl::StatusOr<const ShardRouter*> QueryServiceImpl::RouterFor(
    const grpc::ServerContextBase& call) const {
  const ShardRouter* router = router_.load();
  const auto& metadata = call.client_metadata();
  auto it = metadata.find(kShardMetadataKey);
  if (it == metadata.end()) return router;
  uint32_t asked = 0;
  if (!absl::SimpleAtoi(absl::string_view(it->second.data(), it->second.size()),
                        &asked)) {
    return absl::InvalidArgumentError(
        absl::StrCat(kShardMetadataKey, ": not a shard number"));
  }
  if (asked != own_shard_) {
    return absl::FailedPreconditionError(absl::StrCat(
        "asked for shard ", asked, ", but this query server serves shard ",
        own_shard_, " (check --shard_peers)"));
  }
  return nullptr;
}

absl::StatusOr<uint64_t> QueryServiceImpl::OwnRequiredSequence(
    const claims::v1::QueryClaimsRequest& request) const {
  const ShardRouter* router = router_.load();
  const uint32_t shards = router != nullptr ? router->shards() : own_shard_ + 1;
  ASSIGN_OR_RETURN(std::vector<uint64_t> required,
                   RequiredSequences(request, shards));
  return required[own_shard_];
}

grpc::Status QueryServiceImpl::RoutedQueryClaims(
    const ShardRouter& router, grpc::ServerContext* context,
    const claims::v1::QueryClaimsRequest& request, absl::Time deadline,
    StreamSlots::Lease* lease,
    grpc::ServerWriter<claims::v1::QueryClaimsResponse>* writer) {
  CorkedWriter out(writer, lease);
  bool client_gone = false;
  bool drained = false;
  ShardRouter::UnknownNames unknown;
  absl::Status merged = router.QueryClaims(
      request, ShardCallOf(*context, deadline),
      [&](const claims::v1::QueryClaimsResponse& item) {
        drained = context_.drain->draining();
        client_gone = context->IsCancelled() || (!drained && !out.Write(item, absl::Now()));
        return !client_gone && !drained;
      },
      &unknown);
  if (client_gone) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  if (drained) return kDraining;
  if (!merged.ok()) return ToGrpcStatus(merged);
  AddUnknownNames(unknown, context);
  return grpc::Status::OK;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* QueryServiceImpl::WatchClaims(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) {
    return WatchHub::Reject(auth);
  }
  claims::v1::WatchClaimsRequest request;
  absl::Status valid = ParseRawMessage(*raw, &request);
  if (valid.ok()) valid = CheckWatchRequest(request);
  if (!valid.ok()) return WatchHub::Reject(ToGrpcStatus(valid));
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return WatchHub::Reject(ToGrpcStatus(router.status()));
  if (*router != nullptr) return OpenMergedWatch(**router, context, request);
  ExpandTopicAliases(*taxonomy_, request.mutable_topics());
  return watch_hub_->Open(context, request);
}

grpc::Status QueryServiceImpl::GetArticle(
    grpc::ServerContext* context, const claims::v1::GetArticleRequest* request,
    claims::v1::GetArticleResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (request->article_id().empty() == request->url().empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "give one of article_id and url");
  }
  if (!request->article_id().empty()) {
    if (absl::Status valid = CheckArticleId(request->article_id()); !valid.ok()) {
      return ToGrpcStatus(valid);
    }
  }
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return ToGrpcStatus(router.status());
  if (*router != nullptr) {
    return Routed((*router)->GetArticle(*request, ShardCallOf(*context, context_.DeadlineOf(*context))),
                  response);
  }
  absl::StatusOr<const ClaimReader*> reader = Reader();
  if (!reader.ok()) return ToGrpcStatus(reader.status());
  std::string article_id = request->article_id();
  if (!request->url().empty()) {
    const std::string canonical = CanonicalUrl(request->url());
    if (canonical.empty()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "url: not an absolute http(s) URL");
    }
    absl::StatusOr<std::vector<std::string>> ids =
        (*reader)->ArticleIdsByUrl(canonical);
    if (!ids.ok()) return ToGrpcStatus(ids.status());
    if (ids->empty()) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND,
                          "no article is stored from " + canonical);
    }
    article_id = ids->front();
  }
  absl::StatusOr<claims::v1::StoredArticle> article =
      (*reader)->GetArticle(article_id);
  if (!article.ok()) return ToGrpcStatus(article.status());
  *response->mutable_article() = *std::move(article);
  if (request->include_claims()) {
    absl::StatusOr<std::vector<Claim>> claims =
        (*reader)->GetArticleClaims(article_id);
    if (!claims.ok()) return ToGrpcStatus(claims.status());
    for (Claim& claim : *claims) *response->add_claims() = std::move(claim);
    response->set_truncated(TrimToFit(
        response, {"claims"}, ReplyBudget(context_.max_send_message_bytes)));
  }
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::ListActors(
    grpc::ServerContext* context, const claims::v1::ListActorsRequest* request,
    claims::v1::ListActorsResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (absl::Status valid = CheckListActorsRequest(*request); !valid.ok()) {
    return ToGrpcStatus(valid);
  }
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return ToGrpcStatus(router.status());
  if (*router != nullptr) {
    return Routed((*router)->ListActors(*request, ShardCallOf(*context, context_.DeadlineOf(*context))),
                  response);
  }
  absl::StatusOr<const ClaimReader*> reader = Reader();
  if (!reader.ok()) return ToGrpcStatus(reader.status());
  absl::StatusOr<std::vector<claims::v1::Actor>> actors = (*reader)->ListActors(
      request->prefix(),
      request->limit() == 0 ? kMaxListedActors : request->limit());
  if (!actors.ok()) return ToGrpcStatus(actors.status());
  for (claims::v1::Actor& actor : *actors) {
    *response->add_actors() = std::move(actor);
  }
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::ListTopics(
    grpc::ServerContext* context, const claims::v1::ListTopicsRequest* request,
    claims::v1::ListTopicsResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return ToGrpcStatus(router.status());
  if (*router != nullptr) {
    return Routed((*router)->ListTopics(*request, ShardCallOf(*context, context_.DeadlineOf(*context))),
                  response);
  }
  absl::StatusOr<const ClaimReader*> reader = Reader();
  if (!reader.ok()) return ToGrpcStatus(reader.status());
  absl::StatusOr<std::vector<std::pair<std::string, uint64_t>>> counts =
      (*reader)->TopicCounts();
  if (!counts.ok()) return ToGrpcStatus(counts.status());
  absl::flat_hash_map<std::string, uint64_t> by_topic(counts->begin(),
                                                      counts->end());
  for (const claims::v1::Topic& topic : taxonomy_->topics()) {
    claims::v1::Topic* out = response->add_topics();
    *out = topic;
    auto it = by_topic.find(topic.id());
    out->set_claim_count(it == by_topic.end() ? 0 : it->second);
  }
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::ListArticles(
    grpc::ServerContext* context, const claims::v1::ListArticlesRequest* request,
    claims::v1::ListArticlesResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  if (absl::Status valid = CheckListArticlesRequest(*request); !valid.ok()) {
    return ToGrpcStatus(valid);
  }
  if (request->page_size() > kMaxArticlePage) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat("page_size: at most ", kMaxArticlePage));
  }
  absl::StatusOr<const ShardRouter*> router = RouterFor(*context);
  if (!router.ok()) return ToGrpcStatus(router.status());
  if (*router != nullptr) {
    return Routed((*router)->ListArticles(*request, ShardCallOf(*context, context_.DeadlineOf(*context))),
                  response);
  }
  absl::StatusOr<const ClaimReader*> reader = Reader();
  if (!reader.ok()) return ToGrpcStatus(reader.status());
  ArticleListFilter filter;
  filter.from = request->from();
  filter.to = request->to();
  filter.source_host = NormalizeHost(request->source_host());
  absl::StatusOr<ArticlePage> page = (*reader)->ListArticles(
      filter,
      request->page_size() == 0 ? kDefaultArticlePage : request->page_size(),
      request->page_token(), request->include_body());
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (claims::v1::StoredArticle& article : page->articles) {
    *response->add_articles() = std::move(article);
  }
  response->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

namespace {

// Streams every file under `dir` in chunks; the first carries `info`.
grpc::Status SendCheckpoint(grpc::ServerContext* context,
                            const Follower::CheckpointInfo& info,
                            grpc::ServerWriter<claims::v1::CheckpointChunk>* writer) {
  namespace fs = std::filesystem;
  constexpr size_t kChunkBytes = 1 << 20;
  claims::v1::CheckpointChunk chunk;
  chunk.set_sequence(info.sequence);
  chunk.set_shard(info.shard);
  chunk.set_log_position(info.log_position);
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(info.dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  if (ec) return grpc::Status(grpc::StatusCode::INTERNAL, "list checkpoint: " + ec.message());
  std::sort(files.begin(), files.end());
  std::string buffer(kChunkBytes, '\0');
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    uint64_t offset = 0;
    do {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const size_t n = static_cast<size_t>(in.gcount());
      chunk.set_file(fs::relative(file, info.dir).string());
      chunk.set_offset(offset);
      chunk.set_data(buffer.data(), n);
      offset += n;
      if (context->IsCancelled() || !writer->Write(chunk)) {
        return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
      }
      chunk.clear_sequence();
      chunk.clear_shard();
      chunk.clear_log_position();
    } while (in);
  }
  return grpc::Status::OK;
}

}  // namespace

grpc::Status QueryServiceImpl::StreamCheckpoint(
    grpc::ServerContext* context, const claims::v1::StreamCheckpointRequest*,
    grpc::ServerWriter<claims::v1::CheckpointChunk>* writer) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  const Follower* follower = follower_->follower();
  if (follower == nullptr) {
    return ToGrpcStatus(absl::UnavailableError("the database is not open yet"));
  }
  absl::StatusOr<Follower::CheckpointInfo> info = follower->Checkpoint();
  if (!info.ok()) {
    return ToGrpcStatus(absl::IsUnimplemented(info.status())
                            ? absl::FailedPreconditionError(info.status().message())
                            : info.status());
  }
  grpc::Status sent = SendCheckpoint(context, *info, writer);
  std::error_code ec;
  std::filesystem::remove_all(info->dir, ec);
  return sent;
}

grpc::Status QueryServiceImpl::StateDigest(
    grpc::ServerContext* context, const claims::v1::StateDigestRequest*,
    claims::v1::StateDigestResponse* response) {
  if (grpc::Status auth = context_.auth->Check(*context); !auth.ok()) return auth;
  const Follower* follower = follower_->follower();
  if (follower == nullptr) {
    return ToGrpcStatus(absl::UnavailableError("the database is not open yet"));
  }
  absl::StatusOr<Follower::StateDigest> digest = follower->Digest();
  if (!digest.ok()) {
    return ToGrpcStatus(absl::IsUnimplemented(digest.status())
                            ? absl::FailedPreconditionError(digest.status().message())
                            : digest.status());
  }
  response->set_digest(digest->digest);
  response->set_sequence(digest->sequence);
  response->set_log_position(digest->log_position);
  response->set_keys(digest->keys);
  return grpc::Status::OK;
}

}  // namespace claims
