// claimctl against the real servers: every query filter reachable, help that
// lists commands and flags, and failures that are one clear line on stderr.
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/claims_client.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"
#include "tests/integration/shell.h"

namespace claims::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ClaimctlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pair = ServerPair::Start("claims-cli");
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = pair->release();
    ingest_ = pair_->ingest.get();
    query_ = pair_->query.get();
    // The project's examples and HTML pages, through claimctl itself.
    ShellResult loaded = Claimctl(absl::StrCat(
        "ingest ", CLAIMS_EXAMPLES_DIR, " ", CLAIMS_TESTDATA_DIR, "/html"));
    ASSERT_EQ(loaded.code, 0) << loaded.err;
    ASSERT_THAT(loaded.err, HasSubstr("wire-service.html"));
    ASSERT_THAT(loaded.err, HasSubstr("0 failed"));
  }
  static void TearDownTestSuite() { delete pair_; }

  // claimctl with the servers' addresses and `args` (shell words).
  static ShellResult Claimctl(const std::string& args) {
    return RunShell(absl::StrCat(CLAIMS_CLAIMCTL_BIN, " --ingest=", ingest_->address(),
                                 " --query=", query_->address(), " ", args));
  }

  // The claims of a --json query.
  static std::vector<claims::v1::Claim> JsonClaims(const std::string& args) {
    ShellResult r = Claimctl("query --json " + args);
    EXPECT_EQ(r.code, 0) << r.err;
    std::vector<claims::v1::Claim> claims;
    for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
      claims::v1::QueryClaimsResponse item;
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                      std::string(line), &item).ok()) << line;
      claims.push_back(item.claim());
    }
    return claims;
  }

  static ServerPair* pair_;
  static ServerProcess* ingest_;
  static ServerProcess* query_;
};
ServerPair* ClaimctlTest::pair_ = nullptr;
ServerProcess* ClaimctlTest::ingest_ = nullptr;
ServerProcess* ClaimctlTest::query_ = nullptr;

TEST_F(ClaimctlTest, HelpListsCommandsAndFlags) {
  ShellResult r = RunShell(absl::StrCat(CLAIMS_CLAIMCTL_BIN, " --help"));
  const std::string help = r.out + r.err;
  for (const char* expected :
       {"ingest", "query", "articles", "reextract", "replica-backup", "log", "--log",
        "--replicas", "--keep", "--type", "--modality",
        "--min_confidence", "--article", "--expand_countries", "--date_field",
        "--follow", "--url", "--source"}) {
    EXPECT_THAT(help, HasSubstr(expected));
  }
  EXPECT_THAT(help, Not(HasSubstr("No flags matched")));
  EXPECT_THAT(help, Not(HasSubstr("--data_dir")));  // the servers' flag
}

TEST_F(ClaimctlTest, FailuresAreOneLineOnStderrAndNothingOnStdout) {
  const std::string bin = CLAIMS_CLAIMCTL_BIN;
  const std::string down = absl::StrCat("127.0.0.1:", PickFreePort());
  const struct {
    std::string command;
    std::string says;
  } cases[] = {
      {bin + " --query=" + down + " query --actor=scholz", "cannot reach the query server"},
      {bin + " --ingest=" + down + " ingest " + CLAIMS_EXAMPLES_DIR, "cannot reach the ingest server"},
      {bin + " --query=" + ingest_->address() + " query", "does not serve claims.v1.QueryService"},
      {bin + " --ingest=" + query_->address() + " reextract", "does not serve claims.v1.IngestService"},
      {bin + " --query=nosuch.invalid:1 topics", "cannot reach the query server at nosuch.invalid:1"},
      {bin + " --bogus query", "bogus"},
      {bin + " --limit=many query", "limit"},
      {bin + " query --type=rumour", "--type"},
      {bin + " frobnicate", "unknown command"},
      {bin + " log", "--log=nats://"},
      {bin + " --log=nats://" + down + " log", "cannot reach the log at nats://" + down},
  };
  for (const auto& c : cases) {
    ShellResult r = RunShell(c.command);
    EXPECT_NE(r.code, 0) << c.command;
    EXPECT_EQ(r.out, "") << c.command;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.command << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.says)) << c.command;
  }
}

TEST_F(ClaimctlTest, UnknownActorOrTopicIsReported) {
  ShellResult r = Claimctl("query --actor=scholz,nobody-at-all --topic=no/such-topic");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no actor is known as \"nobody-at-all\""));
  EXPECT_THAT(r.err, HasSubstr("no topic \"no/such-topic\""));
  EXPECT_THAT(r.err, Not(HasSubstr("\"scholz\"")));
}

TEST_F(ClaimctlTest, EveryQueryFilterIsReachable) {
  auto quantity = JsonClaims("--type=quantity");
  ASSERT_FALSE(quantity.empty());
  for (const auto& c : quantity) EXPECT_EQ(c.type(), claims::v1::QUANTITY);

  auto reported = JsonClaims("--modality=reported,hedged");
  ASSERT_FALSE(reported.empty());
  for (const auto& c : reported) {
    EXPECT_TRUE(c.modality() == claims::v1::REPORTED || c.modality() == claims::v1::HEDGED);
  }
  auto all = JsonClaims("");
  auto confident = JsonClaims("--min_confidence=0.7");
  EXPECT_LT(confident.size(), all.size());
  for (const auto& c : confident) EXPECT_GE(c.confidence(), 0.7f);

  const std::string article = all.front().article_id();
  auto one_article = JsonClaims("--article=" + article);
  ASSERT_FALSE(one_article.empty());
  for (const auto& c : one_article) EXPECT_EQ(c.article_id(), article);

  // A country alone names the country; expanded, its people too.
  auto germany = JsonClaims("--actor=DEU");
  auto expanded = JsonClaims("--actor=DEU --expand_countries");
  EXPECT_GT(expanded.size(), germany.size());

  auto published = JsonClaims("--date_field=published --from=2024-06 --to=2024-07");
  ASSERT_FALSE(published.empty());
  for (const auto& c : published) EXPECT_EQ(c.published().substr(0, 7), "2024-06");

  auto newest = JsonClaims("--order=newest --limit=3");
  EXPECT_EQ(newest.size(), 3u);
}

TEST_F(ClaimctlTest, FollowTakesTheSameFilters) {
  // Watch for reported claims only, then ingest an article with reported
  // speech and an event; only the reported content comes out.
  std::thread ingest_later([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ClaimsClient client(ClaimsClient::Connect(ingest_->address()), nullptr);
    claims::v1::Article a;
    a.set_id("follow-me");
    a.set_body("Chancellor Olaf Scholz said on Monday that Germany would raise "
               "defence spending. President Emmanuel Macron visited Berlin on "
               "June 3, 2024.");
    EXPECT_TRUE(client.IngestArticle(a).ok());
  });
  ShellResult r = Claimctl("query --follow --json --modality=reported --article=follow-me "
                           "& pid=$!; sleep 4; kill $pid; wait $pid");
  ingest_later.join();
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_FALSE(lines.empty()) << r.err;
  for (const std::string& line : lines) {
    claims::v1::WatchClaimsResponse item;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &item).ok());
    EXPECT_EQ(item.claim().modality(), claims::v1::REPORTED) << line;
    EXPECT_EQ(item.claim().modality_source().id(), "olaf-scholz") << line;
    EXPECT_EQ(item.claim().article_id(), "follow-me");
  }
}

TEST_F(ClaimctlTest, ArticlesListAndLookup) {
  ShellResult r = Claimctl("articles --from=2024 --limit=2");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("2 article(s); next page with --cursor="));
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 3u);  // header and two rows
  ShellResult article = Claimctl("article follow-me-not-there");
  EXPECT_EQ(article.code, 1);
  EXPECT_THAT(article.err, HasSubstr("NOT_FOUND"));
}

}  // namespace
}  // namespace claims::testing
