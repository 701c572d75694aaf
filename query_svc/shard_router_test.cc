// ShardRouter against fake shards: the merge order, the limit after the
// merge, cursors that resume every shard, summed counts, routing by hash,
// read-your-writes tokens per shard, and errors that name the shard.
#include "query_svc/shard_router.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/log/record.h"
#include "common/store/key_codec.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_svc/watch_merge.h"

namespace claims {
namespace {

using claims::v1::QueryClaimsRequest;
using claims::v1::QueryClaimsResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A claim's sort key as the store builds it: date10 article_id '\0' be32(ord).
std::string SortKey(const std::string& date, const std::string& article, uint32_t ord) {
  std::string key = date + article;
  key.push_back('\0');
  for (int shift = 24; shift >= 0; shift -= 8) key.push_back(static_cast<char>(ord >> shift));
  return key;
}

struct FakeClaim {
  std::string key;
  std::string id;  // "article#ord"
};

class VectorStream final : public ShardClaimStream {
 public:
  VectorStream(std::vector<QueryClaimsResponse> items, absl::Status end,
               std::vector<std::string> unknown_actors)
      : items_(std::move(items)), end_(std::move(end)),
        unknown_actors_(std::move(unknown_actors)) {}
  bool Read(QueryClaimsResponse* item) override {
    if (cancelled_ || next_ == items_.size()) return false;
    *item = items_[next_++];
    return true;
  }
  absl::Status Finish() override { return cancelled_ ? absl::CancelledError() : end_; }
  void Cancel() override { cancelled_ = true; }
  std::vector<std::string> UnknownActors() const override { return unknown_actors_; }
  std::vector<std::string> UnknownTopics() const override { return {}; }

 private:
  std::vector<QueryClaimsResponse> items_;
  size_t next_ = 0;
  bool cancelled_ = false;
  absl::Status end_;
  std::vector<std::string> unknown_actors_;
};

// One shard holding some claims, actors and topic counts, answering like
// a query server: in key order, after the cursor, up to the limit.
class FakeShard final : public Shard {
 public:
  explicit FakeShard(uint32_t shard) : name_(absl::StrCat("shard ", shard, " (fake)")) {}

  void Add(const std::string& date, const std::string& article, uint32_t ord) {
    claims_.push_back({SortKey(date, article, ord), absl::StrCat(article, "#", ord)});
    std::sort(claims_.begin(), claims_.end(),
              [](const FakeClaim& a, const FakeClaim& b) { return a.key < b.key; });
  }

  std::unique_ptr<ShardClaimStream> QueryClaims(const QueryClaimsRequest& request,
                                                const ShardCall&) override {
    requests.push_back(request);
    if (down) {
      return std::make_unique<VectorStream>(
          std::vector<QueryClaimsResponse>{},
          absl::UnavailableError(name_ + ": connection refused"), unknown_actors);
    }
    std::vector<FakeClaim> ordered = claims_;
    const bool newest = request.order() == claims::v1::NEWEST_FIRST;
    if (newest) std::reverse(ordered.begin(), ordered.end());
    std::string after;
    if (!request.cursor().empty()) after = *store_internal::DecodeCursor(request.cursor());
    std::vector<QueryClaimsResponse> items;
    for (const FakeClaim& claim : ordered) {
      if (!after.empty() && (newest ? claim.key >= after : claim.key <= after)) continue;
      if (request.limit() != 0 && items.size() == request.limit()) break;
      QueryClaimsResponse& item = items.emplace_back();
      item.mutable_claim()->set_id(claim.id);
      item.set_cursor(store_internal::EncodeCursor(claim.key));
    }
    return std::make_unique<VectorStream>(std::move(items), absl::OkStatus(),
                                          unknown_actors);
  }
  absl::StatusOr<claims::v1::GetArticleResponse> GetArticle(
      const claims::v1::GetArticleRequest& request, const ShardCall&) override {
    ++get_article_calls;
    for (const FakeClaim& claim : claims_) {
      if (claim.id.rfind(request.article_id() + "#", 0) == 0) {
        claims::v1::GetArticleResponse response;
        response.mutable_article()->mutable_article()->set_id(request.article_id());
        return response;
      }
    }
    return absl::NotFoundError("no such article");
  }
  absl::StatusOr<claims::v1::ListActorsResponse> ListActors(
      const claims::v1::ListActorsRequest&, const ShardCall&) override {
    if (down) return absl::UnavailableError(name_ + ": connection refused");
    claims::v1::ListActorsResponse response;
    for (const auto& [id, count] : actor_counts) {
      claims::v1::Actor* actor = response.add_actors();
      actor->set_id(id);
      actor->set_claim_count(count);
    }
    return response;
  }
  absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics(
      const claims::v1::ListTopicsRequest&, const ShardCall&) override {
    if (down) return absl::UnavailableError(name_ + ": connection refused");
    claims::v1::ListTopicsResponse response;
    for (const auto& [id, count] : topic_counts) {
      claims::v1::Topic* topic = response.add_topics();
      topic->set_id(id);
      topic->set_claim_count(count);
    }
    return response;
  }
  // Articles newest first (by date, then id), as ClaimReader pages them.
  absl::StatusOr<claims::v1::ListArticlesResponse> ListArticles(
      const claims::v1::ListArticlesRequest& request, const ShardCall&) override {
    std::vector<std::string> positions;
    for (const auto& [date, id] : articles) positions.push_back(date + id);
    std::sort(positions.rbegin(), positions.rend());
    std::string before;
    if (!request.page_token().empty()) {
      before = *store_internal::DecodeArticlePageToken(request.page_token());
    }
    claims::v1::ListArticlesResponse response;
    for (const std::string& position : positions) {
      if (!before.empty() && position >= before) continue;
      if (response.articles_size() == static_cast<int>(request.page_size())) {
        response.set_next_page_token(store_internal::EncodeArticlePageToken(
            response.articles().rbegin()->effective_published() +
            response.articles().rbegin()->article().id()));
        break;
      }
      claims::v1::StoredArticle* article = response.add_articles();
      article->set_effective_published(position.substr(0, 10));
      article->mutable_article()->set_id(position.substr(10));
    }
    return response;
  }
  claims::v1::QueryService::StubInterface* stub() override { return nullptr; }
  void Prepare(const ShardCall&, grpc::ClientContext*) override {}
  const std::string& name() const override { return name_; }

  bool down = false;
  std::vector<QueryClaimsRequest> requests;
  int get_article_calls = 0;
  std::map<std::string, uint64_t> actor_counts;
  std::vector<std::pair<std::string, uint64_t>> topic_counts;
  std::vector<std::string> unknown_actors;
  std::vector<std::pair<std::string, std::string>> articles;  // date, id

 private:
  std::string name_;
  std::vector<FakeClaim> claims_;
};

// Two shards and a single one holding every claim of both, to compare.
class ShardRouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = std::make_unique<FakeShard>(0);
    auto b = std::make_unique<FakeShard>(1);
    single_ = std::make_unique<FakeShard>(0);
    struct Row { int shard; const char* date; const char* article; uint32_t ord; };
    for (const Row& row : std::vector<Row>{{0, "2025-03-01", "a1", 0},
                                           {1, "2025-03-01", "b1", 0},
                                           {0, "2025-03-01", "a1", 1},
                                           {1, "2025-03-02", "b2", 0},
                                           {1, "2025-03-03", "b3", 0},
                                           {0, "2025-03-04", "a2", 0},
                                           {1, "2025-03-04", "b4", 2},
                                           {0, "2025-03-05", "a3", 0}}) {
      (row.shard == 0 ? a : b)->Add(row.date, row.article, row.ord);
      single_->Add(row.date, row.article, row.ord);
    }
    shard0_ = a.get();
    shard1_ = b.get();
    std::vector<std::unique_ptr<Shard>> shards;
    shards.push_back(std::move(a));
    shards.push_back(std::move(b));
    router_ = std::make_unique<ShardRouter>(0, std::move(shards));
  }

  // The ids the router streams for `request`, and the cursors.
  absl::Status Query(const QueryClaimsRequest& request, std::vector<std::string>* ids,
                     std::vector<std::string>* cursors = nullptr) {
    ShardRouter::UnknownNames unknown;
    return router_->QueryClaims(
        request, ShardCall{},
        [&](const QueryClaimsResponse& item) {
          ids->push_back(item.claim().id());
          if (cursors != nullptr) cursors->push_back(item.cursor());
          return true;
        },
        &unknown);
  }
  // What one shard holding every claim streams.
  std::vector<std::string> Single(const QueryClaimsRequest& request) {
    std::vector<std::string> ids;
    auto stream = single_->QueryClaims(request, ShardCall{});
    QueryClaimsResponse item;
    while (stream->Read(&item)) ids.push_back(item.claim().id());
    return ids;
  }

  std::unique_ptr<FakeShard> single_;
  FakeShard* shard0_ = nullptr;
  FakeShard* shard1_ = nullptr;
  std::unique_ptr<ShardRouter> router_;
};

TEST_F(ShardRouterTest, MergesInDateOrderLikeOneShard) {
  QueryClaimsRequest request;
  std::vector<std::string> ids;
  ASSERT_TRUE(Query(request, &ids).ok());
  EXPECT_THAT(ids, ElementsAre("a1#0", "a1#1", "b1#0", "b2#0", "b3#0", "a2#0", "b4#2", "a3#0"));
  EXPECT_EQ(ids, Single(request));

  request.set_order(claims::v1::NEWEST_FIRST);
  ids.clear();
  ASSERT_TRUE(Query(request, &ids).ok());
  EXPECT_THAT(ids, ElementsAre("a3#0", "b4#2", "a2#0", "b3#0", "b2#0", "b1#0", "a1#1", "a1#0"));
  EXPECT_EQ(ids, Single(request));
}

TEST_F(ShardRouterTest, AppliesTheLimitAfterTheMerge) {
  QueryClaimsRequest request;
  request.set_limit(4);
  std::vector<std::string> ids;
  ASSERT_TRUE(Query(request, &ids).ok());
  EXPECT_THAT(ids, ElementsAre("a1#0", "a1#1", "b1#0", "b2#0"));
  // Each shard was asked for the limit, not for limit / shards.
  EXPECT_EQ(shard0_->requests.back().limit(), 4u);
  EXPECT_EQ(shard1_->requests.back().limit(), 4u);
}

TEST_F(ShardRouterTest, AMergedCursorResumesEveryShard) {
  for (claims::v1::Order order : {claims::v1::OLDEST_FIRST, claims::v1::NEWEST_FIRST}) {
    QueryClaimsRequest request;
    request.set_order(order);
    std::vector<std::string> all;
    ASSERT_TRUE(Query(request, &all).ok());
    // Pages of 3, each resumed from the last item's cursor.
    std::vector<std::string> paged;
    request.set_limit(3);
    for (int page = 0; page < 5; ++page) {
      std::vector<std::string> ids, cursors;
      ASSERT_TRUE(Query(request, &ids, &cursors).ok());
      if (ids.empty()) break;
      paged.insert(paged.end(), ids.begin(), ids.end());
      request.set_cursor(cursors.back());
      // The rest after a merged cursor is what one shard holding every
      // claim streams after it.
      QueryClaimsRequest rest = request;
      rest.set_limit(0);
      std::vector<std::string> merged_rest;
      ASSERT_TRUE(Query(rest, &merged_rest).ok());
      EXPECT_EQ(merged_rest, Single(rest));
    }
    EXPECT_EQ(paged, all);
  }
}

TEST_F(ShardRouterTest, SumsTopicAndActorCounts) {
  shard0_->topic_counts = {{"conflict", 3}, {"economy", 0}};
  shard1_->topic_counts = {{"conflict", 2}, {"economy", 5}};
  auto topics = router_->ListTopics({}, ShardCall{});
  ASSERT_TRUE(topics.ok()) << topics.status();
  ASSERT_EQ(topics->topics_size(), 2);
  EXPECT_EQ(topics->topics(0).claim_count(), 5u);
  EXPECT_EQ(topics->topics(1).claim_count(), 5u);

  shard0_->actor_counts = {{"hamas", 4}, {"israel", 1}, {"un", 2}};
  shard1_->actor_counts = {{"israel", 5}, {"un", 2}};
  claims::v1::ListActorsRequest request;
  request.set_limit(2);
  auto actors = router_->ListActors(request, ShardCall{});
  ASSERT_TRUE(actors.ok()) << actors.status();
  std::vector<std::string> listed;
  for (const auto& actor : actors->actors()) {
    listed.push_back(absl::StrCat(actor.id(), "=", actor.claim_count()));
  }
  // Most claims first after summing, ties by id; the limit after the sum.
  EXPECT_THAT(listed, ElementsAre("israel=6", "hamas=4"));
}

TEST_F(ShardRouterTest, PagesArticlesAcrossShardsLikeOneShard) {
  shard0_->articles = {{"2025-03-01", "a1"}, {"2025-03-04", "a2"}, {"2025-03-05", "a3"}};
  shard1_->articles = {{"2025-03-01", "b1"}, {"2025-03-02", "b2"}, {"2025-03-04", "b4"}};
  claims::v1::ListArticlesRequest request;
  request.set_page_size(2);
  std::vector<std::string> pages;
  for (int page = 0; page < 5; ++page) {
    auto listed = router_->ListArticles(request, ShardCall{});
    ASSERT_TRUE(listed.ok()) << listed.status();
    std::vector<std::string> ids;
    for (const auto& article : listed->articles()) ids.push_back(article.article().id());
    pages.push_back(absl::StrJoin(ids, ","));
    if (listed->next_page_token().empty()) break;
    request.set_page_token(listed->next_page_token());
  }
  EXPECT_THAT(pages, ElementsAre("a3,b4", "a2,b2", "b1,a1"));
}

TEST_F(ShardRouterTest, GetArticleAsksOnlyTheShardTheIdHashesTo) {
  for (const std::string id : {"a1", "a2", "a3", "b1", "b2", "b3", "b4"}) {
    const uint32_t shard = logrec::ShardOf(id, 2);
    FakeShard* target = shard == 0 ? shard0_ : shard1_;
    FakeShard* other = shard == 0 ? shard1_ : shard0_;
    const int target_calls = target->get_article_calls;
    const int other_calls = other->get_article_calls;
    claims::v1::GetArticleRequest request;
    request.set_article_id(id);
    (void)router_->GetArticle(request, ShardCall{});
    EXPECT_EQ(target->get_article_calls, target_calls + 1) << id;
    EXPECT_EQ(other->get_article_calls, other_calls) << id;
  }
}

TEST_F(ShardRouterTest, AShardThatIsDownFailsTheCallNamingIt) {
  shard1_->down = true;
  std::vector<std::string> ids;
  absl::Status status = Query(QueryClaimsRequest(), &ids);
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("shard 1"));
  EXPECT_TRUE(ids.empty());  // never a partial answer passed off as whole
  auto topics = router_->ListTopics({}, ShardCall{});
  EXPECT_TRUE(absl::IsUnavailable(topics.status()));
  EXPECT_THAT(topics.status().message(), HasSubstr("shard 1"));
}

TEST(ShardRouter, AShardWithoutAServerFailsTheCallNamingIt) {
  std::vector<std::unique_ptr<Shard>> shards;
  shards.push_back(std::make_unique<FakeShard>(0));
  shards.push_back(nullptr);
  ShardRouter router(0, std::move(shards));
  ShardRouter::UnknownNames unknown;
  absl::Status status = router.QueryClaims(
      QueryClaimsRequest(), ShardCall{}, [](const QueryClaimsResponse&) { return true; },
      &unknown);
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("shard 1"));
}

TEST_F(ShardRouterTest, EachShardWaitsForItsOwnToken) {
  QueryClaimsRequest request;
  request.set_min_sequence(7);
  request.set_min_sequence_shard(1);
  claims::v1::ShardSequence* more = request.add_min_shard_sequences();
  more->set_shard(0);
  more->set_sequence(3);
  more = request.add_min_shard_sequences();
  more->set_shard(1);
  more->set_sequence(5);  // lower than 7: the highest counts
  std::vector<std::string> ids;
  ASSERT_TRUE(Query(request, &ids).ok());
  EXPECT_EQ(shard0_->requests.back().min_sequence(), 3u);
  EXPECT_EQ(shard0_->requests.back().min_sequence_shard(), 0u);
  EXPECT_EQ(shard1_->requests.back().min_sequence(), 7u);
  EXPECT_EQ(shard1_->requests.back().min_sequence_shard(), 1u);
  EXPECT_EQ(shard1_->requests.back().min_shard_sequences_size(), 0);
}

TEST(RequiredSequences, NeedsTheShardOfATokenWhenThereAreSeveral) {
  QueryClaimsRequest request;
  request.set_min_sequence(9);
  EXPECT_TRUE(absl::IsInvalidArgument(RequiredSequences(request, 2).status()));
  auto one = RequiredSequences(request, 1);  // one shard: as before
  ASSERT_TRUE(one.ok());
  EXPECT_THAT(*one, ElementsAre(9u));
  request.set_min_sequence_shard(2);
  EXPECT_TRUE(absl::IsInvalidArgument(RequiredSequences(request, 2).status()));
  request.set_min_sequence_shard(1);
  auto two = RequiredSequences(request, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_THAT(*two, ElementsAre(0u, 9u));
}

TEST_F(ShardRouterTest, ANameIsUnknownOnlyWhenNoShardKnowsIt) {
  shard0_->unknown_actors = {"nobody", "bibi"};
  shard1_->unknown_actors = {"nobody"};
  ShardRouter::UnknownNames unknown;
  ASSERT_TRUE(router_
                  ->QueryClaims(QueryClaimsRequest(), ShardCall{},
                                [](const QueryClaimsResponse&) { return true; }, &unknown)
                  .ok());
  EXPECT_THAT(unknown.actors, ElementsAre("nobody"));
}

TEST(ParseShardPeers, ReadsShardAddressPairs) {
  auto peers = ParseShardPeers("0=q0:50052, 1=q1.example:50052");
  ASSERT_TRUE(peers.ok()) << peers.status();
  EXPECT_EQ(peers->at(0), "q0:50052");
  EXPECT_EQ(peers->at(1), "q1.example:50052");
  EXPECT_TRUE(ParseShardPeers("")->empty());
  EXPECT_FALSE(ParseShardPeers("q0:50052").ok());
  EXPECT_FALSE(ParseShardPeers("0=q0:1,0=q1:1").ok());
  EXPECT_FALSE(ParseShardPeers("x=q0:1").ok());
}

TEST(MergedWatchCursor, RoundTripsEveryShardsPosition) {
  const std::vector<std::string> positions = {"w1.5.2", "w1.0", "w1.17.0"};
  const std::string cursor = MergedWatchCursor(positions);
  auto parsed = ParseMergedWatchCursor(cursor, 3);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, positions);
  EXPECT_TRUE(absl::IsInvalidArgument(ParseMergedWatchCursor(cursor, 2).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(ParseMergedWatchCursor("w1.5.2", 1).status()));
}

}  // namespace
}  // namespace claims
