// Crash safety: kill -9 the ingest server while a client streams articles
// in, restart it, and check that every acknowledged article is complete and
// queryable and that no article is half there.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "cli/claims_client.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"
#include "tests/integration/synthetic_article.h"

namespace claims::testing {
namespace {

TEST(CrashTest, AcknowledgedArticlesSurviveKillNine) {
  const std::string data_dir = MakeTempDir("claims-crash");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, data_dir);
  ASSERT_TRUE(ingest.ok()) << ingest.status();

  std::vector<claims::v1::Article> articles;
  for (int n = 0; n < 400; ++n) articles.push_back(Synthetic("crash", n));

  std::mutex mu;
  std::map<std::string, uint32_t> acknowledged;  // id -> claim count
  std::atomic<int> acks{0};
  std::thread loader([&] {
    ClaimsClient client(ClaimsClient::Connect((*ingest)->address()), nullptr);
    (void)client.IngestArticles(
        articles, [&](const claims::v1::IngestArticlesResponse& reply) {
          if (reply.code() != 0) return;
          std::lock_guard<std::mutex> lock(mu);
          acknowledged[reply.result().article_id()] = reply.result().claim_count();
          ++acks;
        });
  });
  // Kill in the middle of the stream.
  while (acks < 40) absl::SleepFor(absl::Milliseconds(2));
  (*ingest)->Signal(SIGKILL);
  EXPECT_EQ((*ingest)->Wait(), 128 + SIGKILL);
  loader.join();
  ASSERT_LT(acknowledged.size(), articles.size()) << "the kill came too late";

  // Restart the writer, then follow it with a query server.
  auto restarted = ServerProcess::Start(ServerProcess::kIngest, data_dir);
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  auto query = ServerProcess::Start(ServerProcess::kQuery, data_dir);
  ASSERT_TRUE(query.ok()) << query.status();
  ClaimsClient client(ClaimsClient::Connect((*restarted)->address()),
                      ClaimsClient::Connect((*query)->address()));

  int present = 0;
  for (const auto& article : articles) {
    auto stored = client.GetArticle(article.id(), /*include_claims=*/true);
    auto it = acknowledged.find(article.id());
    if (!stored.ok()) {
      EXPECT_EQ(stored.status().code(), absl::StatusCode::kNotFound) << stored.status();
      EXPECT_TRUE(it == acknowledged.end()) << article.id() << " was acknowledged but lost";
      continue;
    }
    ++present;
    // Whole or absent: the claims and the indexes agree with the record.
    EXPECT_EQ(static_cast<uint32_t>(stored->claims_size()),
              stored->article().claim_count()) << article.id();
    if (it != acknowledged.end()) {
      EXPECT_EQ(stored->article().claim_count(), it->second) << article.id();
    }
    claims::v1::QueryClaimsRequest by_article;
    by_article.add_article_ids(article.id());
    by_article.add_actors("Netanyahu");
    auto items = client.QueryAll(by_article);
    ASSERT_TRUE(items.ok()) << items.status();
    EXPECT_FALSE(items->empty()) << article.id() << " not reachable by actor index";
  }
  EXPECT_GE(present, static_cast<int>(acknowledged.size()));

  // The restarted writer keeps accepting work.
  auto again = client.IngestArticle(Synthetic("crash", 1000));
  EXPECT_TRUE(again.ok()) << again.status();
  std::filesystem::remove_all(data_dir);
}

}  // namespace
}  // namespace claims::testing
