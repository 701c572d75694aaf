#include "query_svc/shard_router.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/log/record.h"
#include "common/server/request_limits.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

using claims::v1::QueryClaimsRequest;
using claims::v1::QueryClaimsResponse;

// A shard's gRPC status as an absl::Status naming the shard; a peer that
// cannot be reached stays UNAVAILABLE.
absl::Status FromShard(const std::string& name, const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(name, ": ", status.error_message()));
}

void PrepareContext(uint32_t shard, const ShardCall& call,
                    grpc::ClientContext* context) {
  if (call.deadline != absl::InfiniteFuture()) {
    context->set_deadline(absl::ToChronoTime(call.deadline));
  }
  context->AddMetadata(kShardMetadataKey, absl::StrCat(shard));
  if (!call.authorization.empty()) {
    context->AddMetadata("authorization", call.authorization);
  }
}

std::vector<std::string> TrailingList(const grpc::ClientContext& context,
                                      const char* key) {
  std::vector<std::string> out;
  const auto& trailing = context.GetServerTrailingMetadata();
  auto it = trailing.find(key);
  if (it == trailing.end() || it->second.empty()) return out;
  for (absl::string_view name :
       absl::StrSplit(absl::string_view(it->second.data(), it->second.size()), ',')) {
    out.emplace_back(name);
  }
  return out;
}

class GrpcClaimStream final : public ShardClaimStream {
 public:
  GrpcClaimStream(const std::string& name, uint32_t shard, const ShardCall& call,
                  claims::v1::QueryService::StubInterface* stub,
                  const QueryClaimsRequest& request)
      : name_(name) {
    PrepareContext(shard, call, &context_);
    reader_ = stub->QueryClaims(&context_, request);
  }
  // A stream the merge left early is cancelled and finished, so the call
  // ends on both sides at once.
  ~GrpcClaimStream() override {
    if (finished_) return;
    context_.TryCancel();
    (void)reader_->Finish();
  }
  bool Read(QueryClaimsResponse* item) override { return reader_->Read(item); }
  absl::Status Finish() override {
    finished_ = true;
    return FromShard(name_, reader_->Finish());
  }
  void Cancel() override { context_.TryCancel(); }
  std::vector<std::string> UnknownActors() const override {
    return TrailingList(context_, "claims-unknown-actors-bin");
  }
  std::vector<std::string> UnknownTopics() const override {
    return TrailingList(context_, "claims-unknown-topics-bin");
  }

 private:
  const std::string& name_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderInterface<QueryClaimsResponse>> reader_;
  bool finished_ = false;
};

class GrpcShard final : public Shard {
 public:
  GrpcShard(uint32_t shard, std::string address,
            std::shared_ptr<grpc::Channel> channel)
      : shard_(shard),
        name_(absl::StrCat("shard ", shard, " (", address, ")")),
        stub_(claims::v1::QueryService::NewStub(std::move(channel))) {}

  std::unique_ptr<ShardClaimStream> QueryClaims(const QueryClaimsRequest& request,
                                                const ShardCall& call) override {
    return std::make_unique<GrpcClaimStream>(name_, shard_, call, stub_.get(),
                                             request);
  }
  absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const claims::v1::GetArticleRequest& request, const ShardCall& call) override {
    return Unary(&claims::v1::QueryService::StubInterface::GetArticle, request, call);
  }
  absl::StatusOr<claims::v1::ListActorsResponse> ListActors(
      const claims::v1::ListActorsRequest& request, const ShardCall& call) override {
    return Unary(&claims::v1::QueryService::StubInterface::ListActors, request, call);
  }
  absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics(
      const claims::v1::ListTopicsRequest& request, const ShardCall& call) override {
    return Unary(&claims::v1::QueryService::StubInterface::ListTopics, request, call);
  }
  absl::StatusOr<claims::v1::ListArticlesResponse> ListArticles(
      const claims::v1::ListArticlesRequest& request, const ShardCall& call) override {
    return Unary(&claims::v1::QueryService::StubInterface::ListArticles, request, call);
  }
  claims::v1::QueryService::StubInterface* stub() override { return stub_.get(); }
  void Prepare(const ShardCall& call, grpc::ClientContext* context) override {
    PrepareContext(shard_, call, context);
  }
  const std::string& name() const override { return name_; }

 private:
  template <typename Request, typename Response>
  absl::StatusOr<Response> Unary(
      grpc::Status (claims::v1::QueryService::StubInterface::*method)(
          grpc::ClientContext*, const Request&, Response*),
      const Request& request, const ShardCall& call) {
    grpc::ClientContext context;
    PrepareContext(shard_, call, &context);
    Response response;
    RETURN_IF_ERROR(FromShard(name_, (stub_.get()->*method)(&context, request, &response)));
    return response;
  }

  const uint32_t shard_;
  const std::string name_;
  std::unique_ptr<claims::v1::QueryService::StubInterface> stub_;
};

// One shard's stream in the merge, with its next item and that item's
// sort key.
struct Head {
  std::unique_ptr<ShardClaimStream> stream;
  QueryClaimsResponse item;
  std::string key;
  bool done = false;
};

// Reads the head's next item. Not OK for a shard error or a cursor that
// is not a claim cursor.
absl::Status Advance(Head* head) {
  if (!head->stream->Read(&head->item)) {
    head->done = true;
    return head->stream->Finish();
  }
  std::optional<std::string> key = store_internal::DecodeCursor(head->item.cursor());
  if (!key.has_value()) {
    head->stream->Cancel();
    return absl::InternalError("a shard streamed an item without a claim cursor");
  }
  head->key = *std::move(key);
  return absl::OkStatus();
}

// The live head that comes next in the requested order, or null.
Head* NextHead(std::vector<Head>& heads, bool newest_first) {
  Head* best = nullptr;
  for (Head& head : heads) {
    if (head.done) continue;
    if (best == nullptr || (newest_first ? head.key > best->key : head.key < best->key)) {
      best = &head;
    }
  }
  return best;
}

void CancelAll(std::vector<Head>& heads) {
  for (Head& head : heads) {
    if (!head.done) head.stream->Cancel();
  }
}

// Names every shard reported unknown: no shard knows them.
std::vector<std::string> UnknownEverywhere(
    const std::vector<std::vector<std::string>>& per_shard) {
  if (per_shard.empty()) return {};
  std::vector<std::string> out;
  for (const std::string& name : per_shard[0]) {
    bool everywhere = true;
    for (size_t i = 1; i < per_shard.size() && everywhere; ++i) {
      everywhere = std::find(per_shard[i].begin(), per_shard[i].end(), name) !=
                   per_shard[i].end();
    }
    if (everywhere) out.push_back(name);
  }
  return out;
}

// Where a stored article sits in ListArticles' order (and its page
// tokens): effective publication date (kUnknownDate without one), then id.
std::string ArticlePosition(const claims::v1::StoredArticle& article) {
  const std::string& date = article.effective_published();
  return absl::StrCat(date.size() == store_internal::kDateLength
                          ? date
                          : std::string(store_internal::kUnknownDate),
                      article.article().id());
}

}  // namespace

std::unique_ptr<Shard> MakeGrpcShard(uint32_t shard, std::string address,
                                     std::shared_ptr<grpc::Channel> channel) {
  return std::make_unique<GrpcShard>(shard, std::move(address), std::move(channel));
}

absl::StatusOr<std::map<uint32_t, std::string>> ParseShardPeers(
    std::string_view flag) {
  std::map<uint32_t, std::string> peers;
  for (absl::string_view entry :
       absl::StrSplit(absl::string_view(flag.data(), flag.size()), ',', absl::SkipWhitespace())) {
    entry = absl::StripAsciiWhitespace(entry);
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(entry, '=');
    uint32_t shard = 0;
    if (!absl::SimpleAtoi(kv.first, &shard) || kv.second.empty() ||
        kv.second.find(':') == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--shard_peers: \"", entry, "\" is not SHARD=HOST:PORT"));
    }
    if (!peers.emplace(shard, std::string(kv.second)).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("--shard_peers: shard ", shard, " named twice"));
    }
  }
  return peers;
}

absl::StatusOr<std::vector<uint64_t>> RequiredSequences(
    const QueryClaimsRequest& request, uint32_t shards) {
  std::vector<uint64_t> required(shards, 0);
  auto need = [&](uint32_t shard, uint64_t sequence, const char* field) {
    if (shard >= shards) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": shard ", shard, ", but the log has ", shards, " shard(s)"));
    }
    required[shard] = std::max(required[shard], sequence);
    return absl::OkStatus();
  };
  if (request.min_sequence() > 0) {
    if (!request.has_min_sequence_shard() && shards > 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "min_sequence: the log has ", shards,
          " shards, each with its own sequences; name the shard in "
          "min_sequence_shard (the ingest reply's `shard`)"));
    }
    RETURN_IF_ERROR(need(request.min_sequence_shard(), request.min_sequence(),
                         "min_sequence_shard"));
  }
  for (const claims::v1::ShardSequence& token : request.min_shard_sequences()) {
    RETURN_IF_ERROR(need(token.shard(), token.sequence(), "min_shard_sequences"));
  }
  return required;
}

ShardRouter::ShardRouter(uint32_t own_shard,
                         std::vector<std::unique_ptr<Shard>> shards)
    : own_shard_(own_shard), shards_(std::move(shards)) {}

absl::StatusOr<Shard*> ShardRouter::shard(uint32_t shard) const {
  if (shard >= shards_.size() || shards_[shard] == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "shard ", shard, " of ", shards_.size(),
        ": no query server for it (--shard_peers)"));
  }
  return shards_[shard].get();
}

absl::Status ShardRouter::QueryClaims(const QueryClaimsRequest& request,
                                      const ShardCall& call, const Emit& emit,
                                      UnknownNames* unknown) const {
  ASSIGN_OR_RETURN(std::vector<uint64_t> required,
                   RequiredSequences(request, shards()));
  std::vector<Head> heads(shards_.size());
  for (uint32_t k = 0; k < shards(); ++k) {
    ASSIGN_OR_RETURN(Shard * target, shard(k));
    QueryClaimsRequest own = request;
    own.clear_min_shard_sequences();
    own.set_min_sequence(required[k]);
    own.set_min_sequence_shard(k);
    heads[k].stream = target->QueryClaims(own, call);
  }
  // Every shard streams at most `limit` items before the merge takes
  // what it needs, so the first reads start all shards at once.
  for (Head& head : heads) {
    if (absl::Status read = Advance(&head); !read.ok()) {
      CancelAll(heads);
      return read;
    }
  }
  const bool newest_first = request.order() == claims::v1::NEWEST_FIRST;
  uint64_t sent = 0;
  while (Head* next = NextHead(heads, newest_first)) {
    const bool more = emit(next->item);
    if (!more || (request.limit() != 0 && ++sent == request.limit())) {
      CancelAll(heads);
      return absl::OkStatus();
    }
    if (absl::Status read = Advance(next); !read.ok()) {
      CancelAll(heads);
      return read;
    }
  }
  std::vector<std::vector<std::string>> actors, topics;
  for (Head& head : heads) {
    actors.push_back(head.stream->UnknownActors());
    topics.push_back(head.stream->UnknownTopics());
  }
  unknown->actors = UnknownEverywhere(actors);
  unknown->topics = UnknownEverywhere(topics);
  return absl::OkStatus();
}

absl::StatusOr<claims::v1::GetArticleResponse> ShardRouter::GetArticle(
    const claims::v1::GetArticleRequest& request, const ShardCall& call) const {
  if (!request.article_id().empty()) {
    ASSIGN_OR_RETURN(Shard * target,
                     shard(logrec::ShardOf(request.article_id(), shards())));
    return target->GetArticle(request, call);
  }
  // By URL: the article stored from it with the lowest id, as one shard
  // holding every article would answer.
  std::optional<claims::v1::GetArticleResponse> found;
  for (uint32_t k = 0; k < shards(); ++k) {
    ASSIGN_OR_RETURN(Shard * target, shard(k));
    absl::StatusOr<claims::v1::GetArticleResponse> got = target->GetArticle(request, call);
    if (absl::IsNotFound(got.status())) continue;
    if (!got.ok()) return got.status();
    if (!found.has_value() || got->article().article().id() < found->article().article().id()) {
      found = *std::move(got);
    }
  }
  if (!found.has_value()) {
    return absl::NotFoundError("no article is stored from " + request.url());
  }
  return *std::move(found);
}

absl::StatusOr<claims::v1::ListActorsResponse> ShardRouter::ListActors(
    const claims::v1::ListActorsRequest& request, const ShardCall& call) const {
  claims::v1::ListActorsRequest each = request;
  each.set_limit(kMaxListedActors);
  absl::flat_hash_map<std::string, claims::v1::Actor> by_id;
  for (uint32_t k = 0; k < shards(); ++k) {
    ASSIGN_OR_RETURN(Shard * target, shard(k));
    ASSIGN_OR_RETURN(claims::v1::ListActorsResponse listed, target->ListActors(each, call));
    for (claims::v1::Actor& actor : *listed.mutable_actors()) {
      auto [it, added] = by_id.try_emplace(actor.id(), actor);
      if (added) continue;
      it->second.set_claim_count(it->second.claim_count() + actor.claim_count());
      for (const std::string& alias : actor.aliases()) {
        const auto& have = it->second.aliases();
        if (std::find(have.begin(), have.end(), alias) == have.end()) {
          it->second.add_aliases(alias);
        }
      }
    }
  }
  std::vector<claims::v1::Actor> actors;
  for (auto& [id, actor] : by_id) actors.push_back(std::move(actor));
  std::sort(actors.begin(), actors.end(), [](const auto& a, const auto& b) {
    if (a.claim_count() != b.claim_count()) return a.claim_count() > b.claim_count();
    return a.id() < b.id();
  });
  const size_t limit = request.limit() == 0 ? kMaxListedActors : request.limit();
  if (actors.size() > limit) actors.resize(limit);
  claims::v1::ListActorsResponse response;
  for (claims::v1::Actor& actor : actors) *response.add_actors() = std::move(actor);
  return response;
}

absl::StatusOr<claims::v1::ListTopicsResponse> ShardRouter::ListTopics(
    const claims::v1::ListTopicsRequest& request, const ShardCall& call) const {
  claims::v1::ListTopicsResponse sum;
  for (uint32_t k = 0; k < shards(); ++k) {
    ASSIGN_OR_RETURN(Shard * target, shard(k));
    ASSIGN_OR_RETURN(claims::v1::ListTopicsResponse listed, target->ListTopics(request, call));
    if (k == 0) {
      sum = std::move(listed);
      continue;
    }
    absl::flat_hash_map<std::string, uint64_t> counts;
    for (const claims::v1::Topic& topic : listed.topics()) {
      counts[topic.id()] += topic.claim_count();
    }
    for (claims::v1::Topic& topic : *sum.mutable_topics()) {
      auto it = counts.find(topic.id());
      if (it != counts.end()) topic.set_claim_count(topic.claim_count() + it->second);
    }
  }
  return sum;
}

absl::StatusOr<claims::v1::ListArticlesResponse> ShardRouter::ListArticles(
    const claims::v1::ListArticlesRequest& request, const ShardCall& call) const {
  std::vector<std::pair<std::string, claims::v1::StoredArticle>> merged;
  bool more = false;  // some shard has articles after its page
  for (uint32_t k = 0; k < shards(); ++k) {
    ASSIGN_OR_RETURN(Shard * target, shard(k));
    ASSIGN_OR_RETURN(claims::v1::ListArticlesResponse page,
                     target->ListArticles(request, call));
    more = more || !page.next_page_token().empty();
    for (claims::v1::StoredArticle& article : *page.mutable_articles()) {
      std::string position = ArticlePosition(article);
      merged.emplace_back(std::move(position), std::move(article));
    }
  }
  std::sort(merged.begin(), merged.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  const size_t page_size =
      request.page_size() == 0 ? kDefaultArticlePage : request.page_size();
  more = more || merged.size() > page_size;
  if (merged.size() > page_size) merged.resize(page_size);
  claims::v1::ListArticlesResponse response;
  for (auto& [position, article] : merged) *response.add_articles() = std::move(article);
  if (more && !merged.empty()) {
    response.set_next_page_token(store_internal::EncodeArticlePageToken(merged.back().first));
  }
  return response;
}

}  // namespace claims
