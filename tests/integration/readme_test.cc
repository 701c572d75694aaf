// The README's claimctl and grpcurl examples, run as written against the
// real servers. Only what cannot be literal is filled in: the servers'
// addresses for grpcurl's (claimctl takes them from CLAIMS_INGEST and
// CLAIMS_QUERY, as the README says), a cursor and an article id for the
// placeholders, a time limit for --follow, and the seed article left out
// when ../shared is absent. Where grpcurl is not installed (Debian 12 has
// no package) the reflection-only grpc_reflect stands in for it.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/claims_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"
#include "tests/integration/shell.h"

namespace claims::testing {
namespace {

using ::testing::HasSubstr;

// The commands of the first ```sh block after `heading`, with backslash
// continuations joined.
std::vector<std::string> ReadmeCommands(const std::string& heading) {
  const std::string readme = ReadFileOrEmpty(std::string(CLAIMS_SOURCE_DIR) + "/README.md");
  size_t at = readme.find("\n" + heading + "\n");
  if (at == std::string::npos) return {};
  at = readme.find("```sh\n", at);
  const size_t end = readme.find("```\n", at + 6);
  std::vector<std::string> commands;
  std::string pending;
  for (absl::string_view line :
       absl::StrSplit(readme.substr(at + 6, end - at - 6), '\n', absl::SkipEmpty())) {
    if (absl::ConsumeSuffix(&line, "\\")) {
      pending += std::string(line);
      continue;
    }
    commands.push_back(pending + std::string(line));
    pending.clear();
  }
  return commands;
}

class ReadmeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = MakeTempDir("claims-readme");
    repo_ = root_ + "/repo";
    std::filesystem::create_directories(repo_);
    // The layout the README's paths assume: build/ and examples/ in the
    // repository, the shared data beside it.
    std::filesystem::create_directory_symlink(CLAIMS_BINARY_DIR, repo_ + "/build");
    std::filesystem::create_directory_symlink(CLAIMS_EXAMPLES_DIR, repo_ + "/examples");
    const char* shared = std::getenv("CLAIMS_SHARED_DIR");
    has_shared_ = shared != nullptr && std::filesystem::exists(std::string(shared) + "/eval");
    if (has_shared_) std::filesystem::create_directory_symlink(shared, root_ + "/shared");
    auto ingest = ServerProcess::Start(ServerProcess::kIngest, repo_ + "/data",
                                       {"--backup_dir=" + repo_ + "/data/backups"});
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = *std::move(ingest);
    auto query = ServerProcess::Start(ServerProcess::kQuery, repo_ + "/data");
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = *std::move(query);
  }
  void TearDown() override {
    query_.reset();
    ingest_.reset();
    std::filesystem::remove_all(root_);
  }

  std::string root_, repo_;
  bool has_shared_ = false;
  std::unique_ptr<ServerProcess> ingest_, query_;
};

TEST_F(ReadmeTest, ClaimctlExamplesRunAsWritten) {
  std::vector<std::string> commands = ReadmeCommands("## claimctl");
  ASSERT_GE(commands.size(), 10u);
  ASSERT_EQ(commands[0], "C=build/cli/claimctl");
  const std::string env = absl::StrCat("export CLAIMS_INGEST=", ingest_->address(),
                                       " CLAIMS_QUERY=", query_->address(), "\n",
                                       commands[0], "\n");
  std::string cursor, article_id;
  for (size_t i = 1; i < commands.size(); ++i) {
    std::string command = commands[i];
    if (!has_shared_) {
      absl::StrReplaceAll({{" ../shared/eval/seed-article.txt", ""}}, &command);
    }
    if (absl::StrContains(command, "<cursor from the last line>")) {
      ASSERT_FALSE(cursor.empty());
      absl::StrReplaceAll({{"<cursor from the last line>", cursor}}, &command);
    }
    if (absl::StrContains(command, "<article-id>")) {
      if (article_id.empty()) {
        ClaimsClient client(nullptr, ClaimsClient::Connect(query_->address()));
        auto page = client.ListArticles({});
        ASSERT_TRUE(page.ok() && page->articles_size() > 0);
        article_id = page->articles(0).article().id();
      }
      absl::StrReplaceAll({{"<article-id>", article_id}}, &command);
    }
    const bool follow = absl::StrContains(command, "--follow");
    if (follow) command = "timeout 2 " + absl::StrReplaceAll(command, {{"$C", "build/cli/claimctl"}});
    ShellResult r = RunShell(env + command, repo_);
    EXPECT_EQ(r.code, follow ? 124 : 0) << command << "\n" << r.err;
    if (absl::StrContains(command, "--json") && absl::StrContains(command, "query")) {
      std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
      ASSERT_FALSE(lines.empty()) << command;
      size_t at = lines.back().find("\"cursor\":\"");
      ASSERT_NE(at, std::string::npos);
      cursor = lines.back().substr(at + 10, lines.back().find('"', at + 10) - at - 10);
    }
  }
  EXPECT_TRUE(std::filesystem::exists(repo_ + "/restored/db"));
}

TEST_F(ReadmeTest, GrpcurlExamplesRunAsWritten) {
  std::vector<std::string> commands = ReadmeCommands("## grpcurl");
  ASSERT_EQ(commands.size(), 4u);
  const std::string stand_in = absl::StrCat(
      "command -v grpcurl >/dev/null || grpcurl() { ", CLAIMS_GRPC_REFLECT_BIN,
      " \"$@\"; }\n");
  std::vector<std::string> outputs;
  for (std::string command : commands) {
    absl::StrReplaceAll({{"127.0.0.1:50051", ingest_->address()},
                         {"127.0.0.1:50052", query_->address()}},
                        &command);
    ShellResult r = RunShell(stand_in + command);
    EXPECT_EQ(r.code, 0) << command << "\n" << r.err;
    outputs.push_back(r.out);
  }
  EXPECT_THAT(outputs[0], HasSubstr("claims.v1.IngestService"));
  EXPECT_THAT(outputs[0], HasSubstr("grpc.health.v1.Health"));
  EXPECT_THAT(outputs[1], HasSubstr("claimCount"));
  EXPECT_THAT(outputs[2], HasSubstr("olaf-scholz"));
  EXPECT_THAT(outputs[3], HasSubstr("SERVING"));
}

}  // namespace
}  // namespace claims::testing
