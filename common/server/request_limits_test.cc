#include "common/server/request_limits.h"

#include <cmath>
#include <string>

#include "common/server/grpc_status.h"
#include "common/server/reply_budget.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using claims::v1::QueryClaimsRequest;

TEST(RequestLimitsTest, ArticleFieldsAtTheirBoundPassAndOneByteMoreFails) {
  claims::v1::Article article;
  article.set_id(std::string(kMaxIdBytes, 'a'));
  article.set_title(std::string(kMaxTitleBytes, 't'));
  article.set_url(std::string(kMaxUrlBytes, 'u'));
  for (size_t i = 0; i < kMaxAuthors; ++i) article.add_authors("Jane Doe");
  EXPECT_TRUE(CheckArticle(article).ok());
  article.set_id(std::string(kMaxIdBytes + 1, 'a'));
  const absl::Status status = CheckArticle(article);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "article.id: longer than 256 bytes");
}

TEST(RequestLimitsTest, QueryListsEnumsAndConfidence) {
  QueryClaimsRequest request;
  for (size_t i = 0; i < kMaxFilterValues; ++i) request.add_topics("conflict");
  request.add_types(claims::v1::EVENT);
  EXPECT_TRUE(CheckQueryRequest(request).ok());
  request.add_topics("one-too-many");
  EXPECT_EQ(CheckQueryRequest(request).message(), "topics: more than 64 values");

  QueryClaimsRequest empty_topic;
  empty_topic.add_topics("");
  EXPECT_EQ(CheckQueryRequest(empty_topic).message(), "topics[0]: empty");

  QueryClaimsRequest unknown;
  unknown.add_modalities(static_cast<claims::v1::Modality>(77));
  EXPECT_EQ(CheckQueryRequest(unknown).message(), "modalities[0]: unknown value");

  QueryClaimsRequest nan;
  nan.set_min_confidence(std::nanf(""));
  EXPECT_FALSE(CheckQueryRequest(nan).ok());
}

// WatchClaims takes QueryClaims' filters, so it takes their bounds too.
TEST(RequestLimitsTest, WatchAndListArticlesFiltersAreBounded) {
  claims::v1::WatchClaimsRequest watch;
  watch.add_modalities(static_cast<claims::v1::Modality>(999));
  EXPECT_EQ(CheckWatchRequest(watch).code(), absl::StatusCode::kInvalidArgument);
  watch.clear_modalities();
  for (int i = 0; i < 65; ++i) watch.add_article_ids("a");
  EXPECT_EQ(CheckWatchRequest(watch).code(), absl::StatusCode::kInvalidArgument);
  watch.clear_article_ids();
  watch.set_min_confidence(0.5f);
  EXPECT_TRUE(CheckWatchRequest(watch).ok());
  claims::v1::ListArticlesRequest list;
  list.set_source_host("example.com");
  EXPECT_TRUE(CheckListArticlesRequest(list).ok());
  list.set_page_token(std::string(1025, 'x'));
  const absl::Status bad = CheckListArticlesRequest(list);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.message().find("xxxx"), std::string::npos);  // never echoes input
}

TEST(RequestLimitsTest, StatusMessagesAreCutAtAUtf8Boundary) {
  std::string message(300, 'x');
  message.replace(kMaxStatusMessageBytes - 4, 2, "\xc3\xa9");  // é across the cut
  const std::string cut = BoundedStatusMessage(message);
  EXPECT_LE(cut.size(), kMaxStatusMessageBytes);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  EXPECT_EQ(cut.find('\xc3'), std::string::npos);  // no half character
  EXPECT_EQ(BoundedStatusMessage("short"), "short");
}

TEST(ReplyBudgetTest, TrimsTheSameShareOfEachListUntilItFits) {
  claims::v1::AnalyzeResponse reply;
  for (int i = 0; i < 1000; ++i) {
    reply.add_claims()->set_text(std::string(100, 'c'));
    reply.add_mentions()->set_text(std::string(20, 'm'));
  }
  const size_t budget = reply.ByteSizeLong() / 4;
  EXPECT_TRUE(TrimToFit(&reply, {"claims", "mentions"}, budget));
  EXPECT_LE(reply.ByteSizeLong(), budget);
  EXPECT_GT(reply.claims_size(), 100);
  EXPECT_NEAR(reply.claims_size(), reply.mentions_size(), 2);
  EXPECT_FALSE(TrimToFit(&reply, {"claims", "mentions"}, budget));
}

}  // namespace
}  // namespace claims
