// Articles as the world delivers them, against the real servers: HTML
// pages, languages, URL identity, listing, and re-extraction when the
// knowledge base changes.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "cli/claims_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace claims::testing {
namespace {

using claims::v1::Article;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Page(const std::string& name) {
  return ReadFileOrEmpty(std::string(CLAIMS_TESTDATA_DIR) + "/html/" + name);
}

constexpr char kSpanish[] =
    "El Gobierno de Espa\u00f1a aprob\u00f3 el martes un plan para reducir el "
    "consumo de energ\u00eda en los edificios p\u00fablicos durante el "
    "invierno, seg\u00fan fuentes del ministerio. La ministra dijo que el plan "
    "entrar\u00e1 en vigor la pr\u00f3xima semana.";

// Both servers over one data dir, per test.
class ArticlesTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir("claims-articles"); }
  void TearDown() override {
    query_.reset();
    ingest_.reset();
    std::filesystem::remove_all(dir_);
  }
  void StartServers(const std::vector<std::string>& ingest_flags = {}) {
    auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir_, ingest_flags);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = *std::move(ingest);
    if (query_ == nullptr) {
      auto query = ServerProcess::Start(ServerProcess::kQuery, dir_);
      ASSERT_TRUE(query.ok()) << query.status();
      query_ = *std::move(query);
    }
    client_ = std::make_unique<ClaimsClient>(ClaimsClient::Connect(ingest_->address()),
                                             ClaimsClient::Connect(query_->address()));
    client_->set_timeout(absl::Seconds(20));
  }
  void RestartIngest(const std::vector<std::string>& flags) {
    ingest_->Signal(SIGTERM);
    ASSERT_EQ(ingest_->Wait(), 0);
    ASSERT_NO_FATAL_FAILURE(StartServers(flags));
  }
  claims::v1::IngestArticleResponse Ingest(const Article& article) {
    auto reply = client_->IngestArticle(article);
    EXPECT_TRUE(reply.ok()) << reply.status();
    return reply.ok() ? *reply : claims::v1::IngestArticleResponse();
  }
  // Waits until the query side has applied `sequence`.
  void Sync(uint64_t sequence) {
    claims::v1::QueryClaimsRequest request;
    request.set_limit(1);
    request.set_min_sequence(sequence);
    ASSERT_TRUE(client_->QueryAll(request).ok());
  }
  std::vector<std::string> ListIds(claims::v1::ListArticlesRequest request) {
    auto page = client_->ListArticles(request);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const auto& a : page->articles()) ids.push_back(a.article().id());
    }
    return ids;
  }

  std::string dir_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<ClaimsClient> client_;
};

TEST_F(ArticlesTest, HtmlPageStoredWithOriginalAndExtractedText) {
  ASSERT_NO_FATAL_FAILURE(StartServers());
  Article article;
  article.set_body(Page("wire-service.html"));  // content_type detected
  auto reply = Ingest(article);
  ASSERT_GT(reply.claim_count(), 0u);
  Sync(reply.sequence());
  auto got = client_->GetArticle(reply.article_id(), /*include_claims=*/true);
  ASSERT_TRUE(got.ok()) << got.status();
  const auto& stored = got->article();
  EXPECT_EQ(stored.content_type(), "text/html");
  EXPECT_EQ(stored.article().body(), article.body());
  EXPECT_THAT(stored.text(), HasSubstr("Governor Kazuo Ueda said"));
  EXPECT_THAT(stored.text(), Not(HasSubstr("cookie")));
  EXPECT_EQ(stored.article().title(),
            "Japan's central bank holds rates steady as yen slides");
  EXPECT_EQ(stored.effective_published(), "2024-06-14");
  EXPECT_EQ(stored.language(), "en");
  for (const auto& claim : got->claims()) {
    EXPECT_EQ(stored.text().substr(claim.start(), claim.end() - claim.start()),
              claim.text());
    EXPECT_THAT(claim.text(), Not(HasSubstr("<")));
  }
}

TEST_F(ArticlesTest, UnsupportedLanguageRefusedAndNothingStored) {
  ASSERT_NO_FATAL_FAILURE(StartServers());
  Article article;
  article.set_body(kSpanish);
  auto reply = client_->IngestArticle(article);
  EXPECT_EQ(reply.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(reply.status().message()), HasSubstr("Spanish (es)"));
  auto english = Ingest([] {
    Article a;
    a.set_body("Chancellor Olaf Scholz visited Paris on May 2, 2024.");
    return a;
  }());
  Sync(english.sequence());
  EXPECT_THAT(ListIds({}), ElementsAre(english.article_id()));
}

TEST_F(ArticlesTest, OperatorFlagStoresUnsupportedLanguageWithoutClaims) {
  ASSERT_NO_FATAL_FAILURE(StartServers({"--unsupported_language=store"}));
  Article article;
  article.set_body(kSpanish);
  auto reply = Ingest(article);
  EXPECT_EQ(reply.claim_count(), 0u);
  Sync(reply.sequence());
  auto got = client_->GetArticle(reply.article_id(), true);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->article().language(), "es");
  EXPECT_TRUE(got->article().claims_withheld());
  EXPECT_EQ(got->claims_size(), 0);
  auto actors = client_->ListActors("", 0);
  ASSERT_TRUE(actors.ok());
  EXPECT_EQ(actors->actors_size(), 0);  // no junk actors ("gobierno")
}

TEST_F(ArticlesTest, RecrawlWithDateAddedReplacesInsteadOfDuplicating) {
  ASSERT_NO_FATAL_FAILURE(StartServers());
  Article first;
  first.set_url("https://www.example.com/world/scholz-paris?utm_source=rss");
  first.set_body("Chancellor Olaf Scholz visited Paris on May 2, 2024. He met "
                 "President Emmanuel Macron.");
  auto one = Ingest(first);
  Article recrawl = first;
  recrawl.set_url("https://example.com/world/scholz-paris");
  recrawl.set_published("2024-05-02");
  auto two = Ingest(recrawl);
  EXPECT_EQ(two.article_id(), one.article_id());
  EXPECT_TRUE(two.replaced());
  Sync(two.sequence());
  claims::v1::QueryClaimsRequest scholz;
  scholz.add_actors("scholz");
  auto claims = client_->QueryAll(scholz);
  ASSERT_TRUE(claims.ok());
  std::set<std::string> articles;
  for (const auto& item : *claims) articles.insert(item.claim().article_id());
  EXPECT_THAT(articles, ElementsAre(one.article_id()));
  // Lookup by URL, in any of its forms.
  claims::v1::GetArticleRequest by_url;
  by_url.set_url("HTTPS://example.com/world/scholz-paris/#top");
  auto got = client_->GetArticle(by_url);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->article().article().id(), one.article_id());
  EXPECT_EQ(got->article().canonical_url(), "https://example.com/world/scholz-paris");
  by_url.set_url("https://example.com/world/other");
  EXPECT_EQ(client_->GetArticle(by_url).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ArticlesTest, ListArticlesNewestFirstByDateAndSourceWithPages) {
  ASSERT_NO_FATAL_FAILURE(StartServers());
  struct Item { const char* url; const char* date; };
  const Item items[] = {
      {"https://news.example.org/a", "2024-01-10"},
      {"https://www.news.example.org/b", "2024-03-05"},
      {"https://blog.example.net/c", "2024-02-20"},
      {"https://news.example.org/d", "2023-12-31"},
      {"https://blog.example.net/e", "2024-03-05"},
  };
  std::map<std::string, std::string> id_of;
  uint64_t sequence = 0;
  for (const Item& item : items) {
    Article a;
    a.set_url(item.url);
    a.set_published(item.date);
    a.set_body(std::string("Chancellor Olaf Scholz spoke in Berlin about ") + item.url + ".");
    auto reply = Ingest(a);
    id_of[item.url] = reply.article_id();
    sequence = reply.sequence();
  }
  Sync(sequence);
  auto id = [&](const char* url) { return id_of[url]; };
  claims::v1::ListArticlesRequest all;
  const std::vector<std::string> everything = ListIds(all);
  ASSERT_EQ(everything.size(), 5u);
  EXPECT_EQ(everything[4], id("https://news.example.org/d"));  // oldest last
  EXPECT_EQ(everything[2], id("https://blog.example.net/c"));

  claims::v1::ListArticlesRequest source;
  source.set_source_host("News.Example.org");
  EXPECT_THAT(ListIds(source), ElementsAre(id("https://www.news.example.org/b"),
                                           id("https://news.example.org/a"),
                                           id("https://news.example.org/d")));
  claims::v1::ListArticlesRequest range;
  range.set_from("2024-02");
  range.set_to("2024-03-05");
  EXPECT_THAT(ListIds(range), ElementsAre(id("https://blog.example.net/c")));

  // Pages of two, resumed with the token, cover everything once.
  claims::v1::ListArticlesRequest paged;
  paged.set_page_size(2);
  std::vector<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = client_->ListArticles(paged);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& a : page->articles()) {
      seen.push_back(a.article().id());
      EXPECT_TRUE(a.article().body().empty());  // bodies only when asked
    }
    if (page->next_page_token().empty()) break;
    paged.set_page_token(page->next_page_token());
  }
  EXPECT_EQ(seen, everything);
  paged.set_page_token("bogus");
  EXPECT_EQ(client_->ListArticles(paged).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticlesTest, ReextractBringsClaimsUpToDateWithANewKnowledgeBase) {
  ASSERT_NO_FATAL_FAILURE(StartServers());
  std::vector<std::string> ids;
  uint64_t sequence = 0;
  for (int i = 0; i < 4; ++i) {
    Article a;
    a.set_id("doc-" + std::to_string(i));
    a.set_published("2024-05-0" + std::to_string(i + 1));
    a.set_body("Ambassador Ilse Vantongeren met Chancellor Olaf Scholz in Berlin "
               "to discuss trade, officials said in report " + std::to_string(i) + ".");
    sequence = Ingest(a).sequence();
    ids.push_back(a.id());
  }
  Sync(sequence);
  claims::v1::QueryClaimsRequest by_kb_id;
  by_kb_id.add_actors("ilse-vantongeren-kb");
  ASSERT_TRUE(client_->QueryAll(by_kb_id)->empty());

  // The knowledge base learns who she is: a new version.
  const std::string extra = dir_ + "/extra.jsonl";
  std::ofstream(extra)
      << R"({"id": "ilse-vantongeren-kb", "name": "Ilse Vantongeren", "type": "PERSON", "kind": "person", "country": "BEL", "role": "government", "aliases": ["Vantongeren"]})"
      << "\n";
  ASSERT_NO_FATAL_FAILURE(RestartIngest({"--kb_extra_file=" + extra}));

  // Articles written meanwhile already use the new version.
  Article fresh;
  fresh.set_id("doc-fresh");
  fresh.set_body("Ilse Vantongeren spoke in Brussels on June 3, 2024.");
  Ingest(fresh);

  // Interrupted after two articles, then resumed from the cursor: every
  // outdated article is re-extracted exactly once, the fresh one not at all.
  std::vector<claims::v1::ReextractProgress> first;
  grpc::ClientContext context;
  claims::v1::ReextractRequest request;
  auto channel = ClaimsClient::Connect(ingest_->address());
  auto stub = claims::v1::IngestService::NewStub(channel);
  auto reader = stub->Reextract(&context, request);
  claims::v1::ReextractProgress progress;
  while (first.size() < 2 && reader->Read(&progress)) first.push_back(progress);
  context.TryCancel();
  (void)reader->Finish();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[1].total(), 5u);

  request.set_cursor(first.back().cursor());
  std::vector<claims::v1::ReextractProgress> rest;
  ASSERT_TRUE(client_->Reextract(request, [&](const auto& p) { rest.push_back(p); }).ok());
  ASSERT_FALSE(rest.empty());
  EXPECT_TRUE(rest.back().done());
  // The server may have finished an article or two past the last message
  // read before it noticed the cancel; those are up to date and the resumed
  // run leaves them. No article is done twice, the fresh one never.
  std::set<std::string> reextracted;
  for (const auto* run : {&first, &rest}) {
    for (const auto& p : *run) {
      EXPECT_EQ(p.code(), 0) << p.message();
      if (p.reextracted()) {
        EXPECT_TRUE(reextracted.insert(p.article_id()).second) << p.article_id();
      }
    }
  }
  EXPECT_FALSE(reextracted.count("doc-fresh"));
  Sync(rest.back().sequence());
  for (const std::string& id : ids) {
    auto stored = client_->GetArticle(id, false);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->article().extractor_version(), rest.back().extractor_version())
        << id;
  }

  // The stored claims now name the knowledge-base actor, once per article.
  Sync(rest.back().sequence());
  auto claims = client_->QueryAll(by_kb_id);
  ASSERT_TRUE(claims.ok());
  std::set<std::string> articles;
  for (const auto& item : *claims) articles.insert(item.claim().article_id());
  EXPECT_EQ(articles.size(), 5u);

  // Nothing is outdated any more; --all redoes everything in a date range.
  std::vector<claims::v1::ReextractProgress> again;
  ASSERT_TRUE(client_->Reextract({}, [&](const auto& p) { again.push_back(p); }).ok());
  EXPECT_EQ(again.back().reextracted_total(), 0u);
  claims::v1::ReextractRequest ranged;
  ranged.set_all(true);
  ranged.set_from("2024-05-02");
  ranged.set_to("2024-05-04");
  std::vector<claims::v1::ReextractProgress> in_range;
  ASSERT_TRUE(client_->Reextract(ranged, [&](const auto& p) { in_range.push_back(p); }).ok());
  EXPECT_EQ(in_range.back().reextracted_total(), 2u);
  EXPECT_EQ(in_range.back().examined(), 5u);
}

}  // namespace
}  // namespace claims::testing
