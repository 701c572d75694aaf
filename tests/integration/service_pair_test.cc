// Black-box tests of the service pair: both real servers on loopback ports
// over one temp data dir, driven through gRPC with the client library.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "cli/claims_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace claims::testing {
namespace {

using claims::v1::Article;
using claims::v1::QueryClaimsRequest;
using claims::v1::QueryClaimsResponse;

std::string SharedDir() {
  const char* dir = std::getenv("CLAIMS_SHARED_DIR");
  return dir ? dir : "../shared";
}

std::string SeedArticleText() {
  return ReadFileOrEmpty(SharedDir() + "/eval/seed-article.txt");
}

std::string ExampleArticleText() {
  return ReadFileOrEmpty(std::string(CLAIMS_EXAMPLES_DIR) +
                         "/eu-china-trade-talks.txt");
}

std::set<std::string> ClaimIds(const std::vector<QueryClaimsResponse>& items) {
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(item.claim().id());
  return ids;
}

// What the layout-article tests look for in one article: the shared seed
// (skipped when ../shared is absent) or the project's own example in the
// same layout, so the checks run on a machine with only the repository.
struct LayoutCase {
  std::string text;
  std::vector<const char*> leader_aliases;  // one actor, any alias
  const char* caption_day;                  // [day, next day)
  const char* caption_next_day;
  const char* caption_word;
  // A topic some claims carry, and its parent (which matches them too).
  const char* child_topic;
  const char* parent_topic;
};

LayoutCase SeedCase() {
  return {SeedArticleText(),
          {"Netanyahu", "Benjamin Netanyahu", "mr netanyahu"},
          "2025-04-07", "2025-04-08", "Oval Office", "conflict/ceasefire", "conflict"};
}

LayoutCase ProjectCase() {
  return {ReadFileOrEmpty(std::string(CLAIMS_EXAMPLES_DIR) +
                          "/berlin-paris-budget-rift.txt"),
          {"Scholz", "Olaf Scholz", "mr scholz"},
          "2024-03-15", "2024-03-16", "Elysee Palace",
          // Its "ceasefire between the coalition partners" is politics.
          "politics/government/legislature", "politics"};
}

class ServicePairTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_dir_ = new std::string(MakeTempDir("claims-pair"));
    auto ingest = ServerProcess::Start(ServerProcess::kIngest, *data_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = ingest->release();
    auto query = ServerProcess::Start(ServerProcess::kQuery, *data_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = query->release();
  }

  static void TearDownTestSuite() {
    delete query_;
    delete ingest_;
    std::filesystem::remove_all(*data_dir_);
    delete data_dir_;
  }

  void SetUp() override {
    client_ = std::make_unique<ClaimsClient>(
        ClaimsClient::Connect(ingest_->address()),
        ClaimsClient::Connect(query_->address()));
    client_->set_timeout(absl::Seconds(20));
    WaitUntilQuerySideServes();
  }

  // The query server answers UNAVAILABLE until it has opened the database:
  // a watch opened before then ends at once and sees nothing.
  void WaitUntilQuerySideServes() {
    QueryClaimsRequest nothing;
    nothing.set_limit(1);
    const absl::Time deadline = absl::Now() + absl::Seconds(20);
    for (;;) {
      auto items = client_->QueryAll(nothing);
      if (items.ok()) return;
      ASSERT_EQ(items.status().code(), absl::StatusCode::kUnavailable) << items.status();
      ASSERT_LT(absl::Now(), deadline) << items.status();
      absl::SleepFor(absl::Milliseconds(50));
    }
  }

  // Ingests `body` and returns the reply (failing the test on error).
  claims::v1::IngestArticleResponse IngestBody(const std::string& body,
                                               const std::string& id = "") {
    Article article;
    article.set_id(id);
    article.set_body(body);
    auto reply = client_->IngestArticle(article);
    EXPECT_TRUE(reply.ok()) << reply.status();
    return reply.ok() ? *reply : claims::v1::IngestArticleResponse();
  }

  // Waits until the query side has applied `sequence` (read-your-writes).
  void WaitForQuerySide(uint64_t sequence) {
    QueryClaimsRequest nothing;
    nothing.set_limit(1);
    Query(nothing, sequence);
  }

  std::vector<QueryClaimsResponse> Query(QueryClaimsRequest request,
                                         uint64_t min_sequence) {
    request.set_min_sequence(min_sequence);
    auto items = client_->QueryAll(request);
    EXPECT_TRUE(items.ok()) << items.status();
    return items.ok() ? *items : std::vector<QueryClaimsResponse>();
  }

  void ExpectLeaderFoundByEveryAlias(const LayoutCase& c) {
    auto reply = IngestBody(c.text);
    ASSERT_GT(reply.claim_count(), 0u);
    std::set<std::string> first;
    for (const char* alias : c.leader_aliases) {
      QueryClaimsRequest request;
      request.add_actors(alias);
      auto ids = ClaimIds(Query(request, reply.sequence()));
      EXPECT_GE(ids.size(), 3u) << alias;
      if (first.empty()) {
        first = ids;
      } else {
        EXPECT_EQ(ids, first) << alias;
      }
    }
  }

  void ExpectTopicQueryMatchesParentAndChild(const LayoutCase& c) {
    auto reply = IngestBody(c.text);
    QueryClaimsRequest child;
    child.add_topics(c.child_topic);
    auto children = Query(child, reply.sequence());
    ASSERT_FALSE(children.empty());
    for (const auto& item : children) {
      EXPECT_THAT(item.claim().topics(), ::testing::Contains(c.child_topic));
    }
    QueryClaimsRequest parent;
    parent.add_topics(c.parent_topic);
    auto parents = ClaimIds(Query(parent, reply.sequence()));
    for (const auto& item : children) {
      EXPECT_TRUE(parents.count(item.claim().id()));
    }
    // A former id is an alias: "diplomacy" is politics/international now,
    // and a query for it finds what a query for the new id finds.
    QueryClaimsRequest renamed;
    renamed.add_topics("politics/international");
    auto international = ClaimIds(Query(renamed, reply.sequence()));
    EXPECT_FALSE(international.empty());
    QueryClaimsRequest alias;
    alias.add_topics("diplomacy");
    EXPECT_EQ(ClaimIds(Query(alias, reply.sequence())), international);
  }

  void ExpectCaptionClaimInDateRange(const LayoutCase& c) {
    auto reply = IngestBody(c.text);
    QueryClaimsRequest request;
    request.set_from(c.caption_day);
    request.set_to(c.caption_next_day);
    auto items = Query(request, reply.sequence());
    bool found_caption = false;
    for (const auto& item : items) {
      if (item.claim().section() == claims::v1::SECTION_CAPTION &&
          absl::StrContains(item.claim().text(), c.caption_word)) {
        found_caption = true;
        EXPECT_EQ(item.claim().event_date(), c.caption_day);
      }
    }
    EXPECT_TRUE(found_caption);
  }

  static std::string* data_dir_;
  static ServerProcess* ingest_;
  static ServerProcess* query_;
  std::unique_ptr<ClaimsClient> client_;
};

std::string* ServicePairTest::data_dir_ = nullptr;
ServerProcess* ServicePairTest::ingest_ = nullptr;
ServerProcess* ServicePairTest::query_ = nullptr;

TEST_F(ServicePairTest, BothServersReportServingPerService) {
  EXPECT_TRUE(IsServing(ingest_->address(), "claims.v1.IngestService").value_or(false));
  EXPECT_TRUE(IsServing(query_->address(), "claims.v1.QueryService").value_or(false));
}

constexpr char kSeedAbsent[] =
    "../shared/eval/seed-article.txt is absent; the ProjectArticle tests "
    "check the same on the project's own example";

TEST_F(ServicePairTest, SeedLeaderClaimsFoundByEveryAlias) {
  LayoutCase seed = SeedCase();
  if (seed.text.empty()) GTEST_SKIP() << kSeedAbsent;
  ExpectLeaderFoundByEveryAlias(seed);
}

TEST_F(ServicePairTest, ProjectArticleLeaderClaimsFoundByEveryAlias) {
  LayoutCase project = ProjectCase();
  ASSERT_FALSE(project.text.empty());
  ExpectLeaderFoundByEveryAlias(project);
}

TEST_F(ServicePairTest, SeedTopicQueryMatchesParentAndChild) {
  LayoutCase seed = SeedCase();
  if (seed.text.empty()) GTEST_SKIP() << kSeedAbsent;
  ExpectTopicQueryMatchesParentAndChild(seed);
}

TEST_F(ServicePairTest, ProjectArticleTopicQueryMatchesParentAndChild) {
  LayoutCase project = ProjectCase();
  ASSERT_FALSE(project.text.empty());
  ExpectTopicQueryMatchesParentAndChild(project);
}

TEST_F(ServicePairTest, SeedCaptionClaimInDateRange) {
  LayoutCase seed = SeedCase();
  if (seed.text.empty()) GTEST_SKIP() << kSeedAbsent;
  ExpectCaptionClaimInDateRange(seed);
}

TEST_F(ServicePairTest, ProjectArticleCaptionClaimInDateRange) {
  LayoutCase project = ProjectCase();
  ASSERT_FALSE(project.text.empty());
  ExpectCaptionClaimInDateRange(project);
}

TEST_F(ServicePairTest, SecondIngestOfSameArticleAddsNothing) {
  std::string body = ExampleArticleText();
  ASSERT_FALSE(body.empty());
  auto first = IngestBody(body);
  WaitForQuerySide(first.sequence());
  auto topics_before = client_->ListTopics();
  auto second = IngestBody(body);
  EXPECT_EQ(second.article_id(), first.article_id());
  EXPECT_EQ(second.claim_count(), first.claim_count());
  EXPECT_TRUE(second.unchanged());
  EXPECT_EQ(second.sequence(), first.sequence());
  WaitForQuerySide(second.sequence());

  QueryClaimsRequest request;
  request.add_article_ids(first.article_id());
  EXPECT_EQ(Query(request, second.sequence()).size(), first.claim_count());
  auto topics_after = client_->ListTopics();
  ASSERT_TRUE(topics_before.ok() && topics_after.ok());
  EXPECT_EQ(topics_after->DebugString(), topics_before->DebugString());
}

TEST_F(ServicePairTest, IngestIsVisibleToQueryWithinASecond) {
  std::string body = ExampleArticleText() + "\nA late addition: " +
                     std::to_string(absl::ToUnixNanos(absl::Now())) + ".";
  auto reply = IngestBody(body);
  ASSERT_GT(reply.claim_count(), 0u);
  absl::Time start = absl::Now();
  QueryClaimsRequest request;
  request.add_article_ids(reply.article_id());
  size_t seen = 0;
  while (absl::Now() - start < absl::Seconds(1)) {
    seen = Query(request, 0).size();  // no min_sequence: plain catch-up
    if (seen == reply.claim_count()) break;
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_EQ(seen, reply.claim_count());
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST_F(ServicePairTest, ExampleArticleActorsAndGetArticle) {
  auto reply = IngestBody(ExampleArticleText());
  QueryClaimsRequest request;
  request.add_actors("Valdis Dombrovskis");
  auto items = Query(request, reply.sequence());
  EXPECT_FALSE(items.empty());
  QueryClaimsRequest by_surname;
  by_surname.add_actors("dombrovskis");
  EXPECT_EQ(ClaimIds(Query(by_surname, reply.sequence())), ClaimIds(items));

  auto article = client_->GetArticle(reply.article_id(), true);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->article().article().title(),
            "EU and China Resume Trade Talks as Electric Vehicle Dispute Deepens");
  EXPECT_EQ(article->article().effective_published(), "2024-06-12");
  EXPECT_EQ(static_cast<uint32_t>(article->claims_size()), reply.claim_count());

  auto actors = client_->ListActors("valdis", 0);
  ASSERT_TRUE(actors.ok()) << actors.status();
  ASSERT_EQ(actors->actors_size(), 1);
  EXPECT_EQ(actors->actors(0).id(), "valdis-dombrovskis");
  EXPECT_EQ(actors->actors(0).name(), "Valdis Dombrovskis");
  EXPECT_GT(actors->actors(0).claim_count(), 0u);
}

TEST_F(ServicePairTest, CountryExpansionFindsAffiliatedActors) {
  auto reply = IngestBody(ExampleArticleText());
  QueryClaimsRequest country;
  country.add_actors("Germany");
  auto direct = ClaimIds(Query(country, reply.sequence()));
  country.set_expand_countries(true);
  auto expanded = ClaimIds(Query(country, reply.sequence()));
  // Olaf Scholz (a German politician in the knowledge base) joins Germany.
  QueryClaimsRequest scholz;
  scholz.add_actors("Olaf Scholz");
  auto scholz_claims = ClaimIds(Query(scholz, reply.sequence()));
  ASSERT_FALSE(scholz_claims.empty());
  for (const auto& id : scholz_claims) EXPECT_TRUE(expanded.count(id)) << id;
  for (const auto& id : direct) EXPECT_TRUE(expanded.count(id)) << id;
  EXPECT_GT(expanded.size(), direct.size());
}

TEST_F(ServicePairTest, CombinedFiltersAreAllOfAcrossKinds) {
  auto reply = IngestBody(ExampleArticleText());
  QueryClaimsRequest both;
  both.add_actors("China");
  both.add_topics("economy");
  both.set_order(claims::v1::NEWEST_FIRST);
  auto items = Query(both, reply.sequence());
  ASSERT_FALSE(items.empty());
  std::string previous = "9999";
  for (const auto& item : items) {
    bool names_china = false;
    for (const auto& ref : item.claim().subjects()) names_china |= ref.id() == "CHN";
    for (const auto& ref : item.claim().objects()) names_china |= ref.id() == "CHN";
    for (const auto& ref : item.claim().participants()) names_china |= ref.id() == "CHN";
    EXPECT_TRUE(names_china) << item.claim().text();
    bool economy = false;
    for (const auto& topic : item.claim().topics()) {
      economy |= topic == "economy" || absl::StartsWith(topic, "economy/");
    }
    EXPECT_TRUE(economy) << item.claim().text();
    std::string date = item.claim().event_date().empty() ? item.claim().published()
                                                         : item.claim().event_date();
    EXPECT_LE(date, previous);
    previous = date;
  }
}

TEST_F(ServicePairTest, ReplaceThenDeleteKeepsQueriesExact) {
  auto v1 = IngestBody(
      "Prime Minister Keir Starmer visited Paris on March 3, 2025.\n"
      "He met President Emmanuel Macron to discuss trade.", "replace-me");
  auto v2 = IngestBody(
      "Prime Minister Keir Starmer visited Berlin on March 4, 2025.", "replace-me");
  EXPECT_TRUE(v2.replaced());
  QueryClaimsRequest by_article;
  by_article.add_article_ids("replace-me");
  auto items = Query(by_article, v2.sequence());
  EXPECT_EQ(items.size(), v2.claim_count());
  for (const auto& item : items) {
    EXPECT_FALSE(absl::StrContains(item.claim().text(), "Paris"));
  }
  auto deleted = client_->DeleteArticle("replace-me");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_TRUE(Query(by_article, deleted->sequence()).empty());
  EXPECT_EQ(client_->GetArticle("replace-me", false).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(client_->DeleteArticle("replace-me").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ServicePairTest, BadInputGetsInvalidArgumentAndStoresNothing) {
  Article probe;
  probe.set_body("Chancellor Olaf Scholz spoke in Berlin on May 3, 2024.");
  auto stored = client_->IngestArticle(probe);
  ASSERT_TRUE(stored.ok()) << stored.status();
  WaitForQuerySide(stored->sequence());
  auto topics_before = client_->ListTopics();
  for (const std::string& body :
       {std::string(""), std::string("   \n\t "), std::string("bad \xff\xfe utf8"),
        std::string("binary\0data", 11)}) {
    Article article;
    article.set_body(body);
    EXPECT_EQ(client_->IngestArticle(article).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
  Article bad_date;
  bad_date.set_body("The minister spoke on Monday.");
  bad_date.set_published("2025-13-45");
  EXPECT_EQ(client_->IngestArticle(bad_date).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Nothing was written: the same probe is still the latest write.
  auto again = client_->IngestArticle(probe);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->unchanged());
  EXPECT_EQ(again->sequence(), stored->sequence());
  auto topics_after = client_->ListTopics();
  ASSERT_TRUE(topics_before.ok() && topics_after.ok());
  EXPECT_EQ(topics_after->DebugString(), topics_before->DebugString());
}

TEST_F(ServicePairTest, MalformedQueryDateIsInvalidArgument) {
  QueryClaimsRequest request;
  request.set_from("yesterday");
  auto items = client_->QueryAll(request);
  EXPECT_EQ(items.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(items.status().message()), ::testing::HasSubstr("from"));
}

TEST_F(ServicePairTest, UnknownActorIsEmptyStreamNotError) {
  QueryClaimsRequest request;
  request.add_actors("Nobody Heardof");
  auto items = client_->QueryAll(request);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_TRUE(items->empty());
}

TEST_F(ServicePairTest, CursorResumesWithoutGapOrRepeat) {
  auto reply = IngestBody(ExampleArticleText());
  QueryClaimsRequest all;
  auto everything = Query(all, reply.sequence());
  ASSERT_GE(everything.size(), 4u);
  QueryClaimsRequest page;
  page.set_limit(3);
  auto first_page = Query(page, 0);
  ASSERT_EQ(first_page.size(), 3u);
  page.set_limit(0);
  page.set_cursor(first_page.back().cursor());
  auto rest = Query(page, 0);
  std::vector<std::string> joined;
  for (const auto& item : first_page) joined.push_back(item.claim().id());
  for (const auto& item : rest) joined.push_back(item.claim().id());
  std::vector<std::string> expected;
  for (const auto& item : everything) expected.push_back(item.claim().id());
  EXPECT_EQ(joined, expected);
}

TEST_F(ServicePairTest, WatchStreamsNewClaims) {
  grpc::ClientContext context;
  claims::v1::WatchClaimsRequest request;
  request.add_actors("Olaf Scholz");
  std::string seen;  // written by the watcher before it notifies
  absl::Notification got_one;
  std::thread watcher([&] {
    (void)client_->WatchClaims(
        request,
        [&](const claims::v1::WatchClaimsResponse& item) {
          seen = item.claim().text();
          got_one.Notify();
          return false;  // one is enough
        },
        &context);
  });
  absl::SleepFor(absl::Milliseconds(300));
  IngestBody("Chancellor Olaf Scholz met farmers in Bavaria on May 2, 2024. " +
             std::to_string(absl::ToUnixNanos(absl::Now())));
  bool notified = got_one.WaitForNotificationWithTimeout(absl::Seconds(5));
  context.TryCancel();
  watcher.join();
  ASSERT_TRUE(notified);
  EXPECT_THAT(seen, ::testing::HasSubstr("Scholz"));
}

TEST_F(ServicePairTest, WatchResumesFromItsCursorWithoutGapOrRepeat) {
  const std::string tag = std::to_string(absl::ToUnixNanos(absl::Now()));
  auto article = [&](int n) {
    return absl::StrCat("President Emmanuel Macron met Chancellor Olaf Scholz in ",
                        "Berlin on May ", n, ", 2024. Watch ", tag, " ", n, ".");
  };
  claims::v1::WatchClaimsRequest request;
  request.add_actors("Emmanuel Macron");
  // First watch: take one claim, remember its cursor, go away.
  std::string cursor;
  std::string first_text;
  {
    grpc::ClientContext context;
    absl::Notification got_one;
    std::thread watcher([&] {
      (void)client_->WatchClaims(
          request,
          [&](const claims::v1::WatchClaimsResponse& item) {
            cursor = item.cursor();
            first_text = item.claim().text();
            got_one.Notify();
            return false;
          },
          &context);
    });
    absl::SleepFor(absl::Milliseconds(200));
    IngestBody(article(1));
    ASSERT_TRUE(got_one.WaitForNotificationWithTimeout(absl::Seconds(5)));
    context.TryCancel();
    watcher.join();
  }
  // Written while nobody watched.
  IngestBody(article(2));
  IngestBody(article(3));
  // Resume: everything after the cursor, in order, and nothing before it.
  request.set_cursor(cursor);
  std::vector<std::string> texts;
  grpc::ClientContext context;
  absl::Notification got_two;
  std::thread watcher([&] {
    (void)client_->WatchClaims(
        request,
        [&](const claims::v1::WatchClaimsResponse& item) {
          texts.push_back(item.claim().text());
          if (texts.size() == 2) {
            got_two.Notify();
            return false;
          }
          return true;
        },
        &context);
  });
  bool notified = got_two.WaitForNotificationWithTimeout(absl::Seconds(5));
  context.TryCancel();
  watcher.join();
  ASSERT_TRUE(notified);
  EXPECT_THAT(first_text, ::testing::HasSubstr("May 1, 2024"));
  EXPECT_THAT(texts[0], ::testing::HasSubstr("May 2, 2024"));
  EXPECT_THAT(texts[1], ::testing::HasSubstr("May 3, 2024"));
}

// Threads of a process, from /proc.
int ThreadCount(pid_t pid) {
  std::string status = ReadFileOrEmpty(absl::StrCat("/proc/", pid, "/status"));
  size_t at = status.find("Threads:");
  return at == std::string::npos ? -1 : std::atoi(status.c_str() + at + 8);
}

TEST_F(ServicePairTest, IdleWatchersShareOneThread) {
  const int before = ThreadCount(query_->pid());
  constexpr int kWatchers = 300;  // more than --max_concurrent_streams
  auto stub = claims::v1::QueryService::NewStub(
      ClaimsClient::Connect(query_->address()));
  grpc::CompletionQueue cq;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientAsyncReader<claims::v1::WatchClaimsResponse>>>
      readers;
  claims::v1::WatchClaimsRequest request;
  request.add_topics("sport");
  for (int i = 0; i < kWatchers; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    readers.push_back(stub->AsyncWatchClaims(contexts.back().get(), request, &cq,
                                             reinterpret_cast<void*>(i + 1)));
  }
  // Every call started.
  int started = 0;
  void* tag;
  bool ok;
  while (started < kWatchers &&
         cq.AsyncNext(&tag, &ok, std::chrono::system_clock::now() +
                                     std::chrono::seconds(10)) ==
             grpc::CompletionQueue::GOT_EVENT) {
    started += ok;
  }
  EXPECT_EQ(started, kWatchers);
  absl::SleepFor(absl::Milliseconds(300));
  const int during = ThreadCount(query_->pid());
  EXPECT_LT(during - before, 32) << "threads before " << before << ", with "
                                 << kWatchers << " watchers " << during;
  EXPECT_TRUE(IsServing(query_->address()).value_or(false));
  for (auto& context : contexts) context->TryCancel();
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
}

}  // namespace
}  // namespace claims::testing
