// Production behaviour of the real servers: authentication, metrics,
// hostile input, and a graceful drain on SIGTERM with streams in flight.
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cli/claims_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace claims::testing {
namespace {

using claims::v1::Article;

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

Article ArticleWithBody(std::string body) {
  Article article;
  article.set_body(std::move(body));
  return article;
}

TEST(AuthTest, TokenRequiredExceptForHealthAndRotatesWithTheFile) {
  const std::string dir = MakeTempDir("claims-auth");
  const std::string token_file = dir + "/tokens";
  WriteFile(token_file, "# accepted tokens\nfirst-secret\n");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir + "/data",
                                     {"--auth_token_file=" + token_file});
  ASSERT_TRUE(ingest.ok()) << ingest.status();

  ClaimsClient anonymous(ClaimsClient::Connect((*ingest)->address()), nullptr);
  Article article = ArticleWithBody("President Emmanuel Macron visited Berlin on May 5, 2024.");
  EXPECT_EQ(anonymous.Analyze(article).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(IsServing((*ingest)->address()).value_or(false));

  ClaimsClient wrong(ClaimsClient::Connect((*ingest)->address()), nullptr);
  wrong.set_bearer_token("first-secreT");
  EXPECT_EQ(wrong.IngestArticle(article).status().code(),
            absl::StatusCode::kUnauthenticated);

  ClaimsClient good(ClaimsClient::Connect((*ingest)->address()), nullptr);
  good.set_bearer_token("first-secret");
  EXPECT_TRUE(good.IngestArticle(article).ok());

  // Rotation: the file changes, the server follows without a restart.
  absl::SleepFor(absl::Milliseconds(1100));
  WriteFile(token_file, "second-secret\n");
  absl::SleepFor(absl::Milliseconds(1100));
  EXPECT_EQ(good.Analyze(article).status().code(),
            absl::StatusCode::kUnauthenticated);
  good.set_bearer_token("second-secret");
  EXPECT_TRUE(good.Analyze(article).ok());
  std::filesystem::remove_all(dir);
}

// A self-signed certificate for 127.0.0.1/localhost, made with openssl.
struct TestCertificate {
  std::string cert_file;
  std::string key_file;
  std::string cert_pem;
  std::string key_pem;
};

TestCertificate MakeCertificate(const std::string& dir, const std::string& name) {
  TestCertificate c;
  c.cert_file = dir + "/" + name + ".crt";
  c.key_file = dir + "/" + name + ".key";
  std::string command = absl::StrCat(
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout ",
      c.key_file, " -out ", c.cert_file, " 2>/dev/null");
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  c.cert_pem = ReadFileOrEmpty(c.cert_file);
  c.key_pem = ReadFileOrEmpty(c.key_file);
  return c;
}

std::shared_ptr<grpc::ChannelCredentials> TlsCredentials(
    const TestCertificate& server, const TestCertificate* client = nullptr) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = server.cert_pem;
  if (client != nullptr) {
    options.pem_private_key = client->key_pem;
    options.pem_cert_chain = client->cert_pem;
  }
  return grpc::SslCredentials(options);
}

TEST(TlsTest, TlsAndMutualTlsFromCertificateFiles) {
  const std::string dir = MakeTempDir("claims-tls");
  const TestCertificate server = MakeCertificate(dir, "server");
  const TestCertificate client_cert = MakeCertificate(dir, "client");
  Article article = ArticleWithBody("President Emmanuel Macron visited Berlin on May 5, 2024.");

  auto tls = ServerProcess::Start(
      ServerProcess::kIngest, dir + "/tls",
      {"--tls_cert_file=" + server.cert_file, "--tls_key_file=" + server.key_file},
      TlsCredentials(server));
  ASSERT_TRUE(tls.ok()) << tls.status();
  ClaimsClient over_tls(grpc::CreateChannel((*tls)->address(), TlsCredentials(server)),
                        nullptr);
  over_tls.set_timeout(absl::Seconds(5));
  EXPECT_TRUE(over_tls.IngestArticle(article).ok());
  ClaimsClient plaintext(ClaimsClient::Connect((*tls)->address()), nullptr);
  plaintext.set_timeout(absl::Seconds(2));
  EXPECT_FALSE(plaintext.IngestArticle(article).ok());
  tls->reset();

  auto mutual = ServerProcess::Start(
      ServerProcess::kIngest, dir + "/mtls",
      {"--tls_cert_file=" + server.cert_file, "--tls_key_file=" + server.key_file,
       "--tls_client_ca_file=" + client_cert.cert_file},
      TlsCredentials(server, &client_cert));
  ASSERT_TRUE(mutual.ok()) << mutual.status();
  ClaimsClient with_cert(
      grpc::CreateChannel((*mutual)->address(), TlsCredentials(server, &client_cert)),
      nullptr);
  with_cert.set_timeout(absl::Seconds(5));
  EXPECT_TRUE(with_cert.IngestArticle(article).ok());
  ClaimsClient without_cert(
      grpc::CreateChannel((*mutual)->address(), TlsCredentials(server)), nullptr);
  without_cert.set_timeout(absl::Seconds(2));
  EXPECT_FALSE(without_cert.IngestArticle(article).ok());
  std::filesystem::remove_all(dir);
}

TEST(TlsTest, MissingCertificateFileIsAStartupError) {
  const std::string dir = MakeTempDir("claims-tls-bad");
  auto bad = ServerProcess::Start(ServerProcess::kIngest, dir,
                                  {"--tls_cert_file=" + dir + "/nope.crt",
                                   "--tls_key_file=" + dir + "/nope.key"});
  EXPECT_FALSE(bad.ok());
  std::filesystem::remove_all(dir);
}

TEST(MetricsTest, GrpcAndDomainMetricsAreExported) {
  const std::string dir = MakeTempDir("claims-metrics");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  ClaimsClient client(ClaimsClient::Connect((*ingest)->address()), nullptr);
  ASSERT_TRUE(client.IngestArticle(ArticleWithBody(
      "Chancellor Olaf Scholz met President Joe Biden in Washington on "
      "February 9, 2024.")).ok());
  EXPECT_FALSE(client.IngestArticle(ArticleWithBody("")).ok());

  auto body = HttpGet((*ingest)->metrics_address(), "/metrics");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_THAT(*body, ::testing::HasSubstr(
      "grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"IngestArticle\","
      "grpc_service=\"claims.v1.IngestService\",grpc_type=\"unary\"} 1"));
  EXPECT_THAT(*body, ::testing::HasSubstr("grpc_code=\"InvalidArgument\""));
  EXPECT_THAT(*body, ::testing::HasSubstr("grpc_server_started_total"));
  EXPECT_THAT(*body, ::testing::HasSubstr("grpc_server_handling_seconds_bucket"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_articles_ingested_total{outcome=\"stored\"} 1"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_extraction_seconds"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_writer_sequence 1"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_rocksdb_memtable_bytes"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_rocksdb_pending_compaction_bytes"));
  EXPECT_THAT(*body, ::testing::HasSubstr("claims_rocksdb_live_data_bytes"));

  // The query side reports how far it has followed the writer.
  auto query = ServerProcess::Start(ServerProcess::kQuery, dir);
  ASSERT_TRUE(query.ok()) << query.status();
  absl::SleepFor(absl::Milliseconds(200));
  auto query_body = HttpGet((*query)->metrics_address(), "/metrics");
  ASSERT_TRUE(query_body.ok()) << query_body.status();
  EXPECT_THAT(*query_body, ::testing::HasSubstr("claims_follower_applied_sequence 1"));
  EXPECT_THAT(*query_body, ::testing::HasSubstr("claims_follower_lag_seconds"));
  EXPECT_THAT(*query_body, ::testing::HasSubstr("claims_rocksdb_memtable_bytes"));
  std::filesystem::remove_all(dir);
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("claims-hostile");
    auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = *std::move(ingest);
    client_ = std::make_unique<ClaimsClient>(
        ClaimsClient::Connect(ingest_->address()), nullptr);
    client_->set_timeout(absl::Seconds(30) * kSanitizerSlowdown);
    Article keep;
    keep.set_id("keep");
    keep.set_body("Prime Minister Narendra Modi visited Tokyo on August 30, 2024.");
    auto stored = client_->IngestArticle(keep);
    ASSERT_TRUE(stored.ok()) << stored.status();
    kept_claims_ = stored->claim_count();
  }
  void TearDown() override {
    // Still serving, and what was stored before is intact.
    EXPECT_TRUE(IsServing(ingest_->address()).value_or(false));
    Article keep;
    keep.set_id("keep");
    keep.set_body("Prime Minister Narendra Modi visited Tokyo on August 30, 2024.");
    auto again = client_->IngestArticle(keep);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_TRUE(again->unchanged());
    EXPECT_EQ(again->claim_count(), kept_claims_);
    ingest_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Sends `body`; returns the status code and checks the time bound.
  absl::StatusCode Send(const std::string& body) {
    absl::Time start = absl::Now();
    auto reply = client_->IngestArticle(ArticleWithBody(body));
    EXPECT_LT(absl::Now() - start, absl::Seconds(20) * kSanitizerSlowdown)
        << body.size() << " bytes";
    return reply.status().code();
  }

  std::string dir_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ClaimsClient> client_;
  uint32_t kept_claims_ = 0;
};

TEST_F(HostileInputTest, RejectsMalformedText) {
  EXPECT_EQ(Send(""), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Send(" \n\t\r\n "), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Send("caf\xc3"), absl::StatusCode::kInvalidArgument);   // truncated
  EXPECT_EQ(Send("\xc0\xaf overlong"), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Send("\xed\xa0\x80 surrogate"), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Send(std::string("nul\0inside", 10)), absl::StatusCode::kInvalidArgument);
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  EXPECT_EQ(Send(junk), absl::StatusCode::kInvalidArgument);
}

TEST_F(HostileInputTest, OversizedBodyIsResourceExhausted) {
  std::string huge(40 << 20, 'a');
  for (size_t i = 0; i < huge.size(); i += 7) huge[i] = ' ';
  EXPECT_EQ(Send(huge), absl::StatusCode::kResourceExhausted);
}

TEST_F(HostileInputTest, PathologicalButValidTextIsBounded) {
  std::string long_sentence;
  for (int i = 0; i < 60000; ++i) absl::StrAppend(&long_sentence, i % 10 ? "word " : "Berlin ");
  absl::StatusCode code = Send(long_sentence + ".");
  EXPECT_TRUE(code == absl::StatusCode::kOk ||
              code == absl::StatusCode::kResourceExhausted) << code;

  std::string repeated;
  for (int i = 0; i < 20000; ++i) repeated += "Mr Mr Mr. U.S.-U.S.-";
  code = Send(repeated);
  EXPECT_TRUE(code == absl::StatusCode::kOk ||
              code == absl::StatusCode::kResourceExhausted) << code;

  std::string sentences;
  for (int i = 0; i < 200000; ++i) sentences += "No. ";
  code = Send(sentences);
  EXPECT_TRUE(code == absl::StatusCode::kOk ||
              code == absl::StatusCode::kResourceExhausted) << code;
}

TEST_F(HostileInputTest, UnicodeEdgeCasesAreAccepted) {
  // Right-to-left text, combining marks, emoji, zero-width joiners.
  EXPECT_EQ(Send("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d Prime Minister Benjamin Netanyahu "
                 "spoke in Jerusalem on May 1, 2024."),
            absl::StatusCode::kOk);
  EXPECT_EQ(Send("Jose\xcc\x81 Mari\xcc\x81" "a Aznar met President Emmanuel Macron. "
                 "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xe2\x80\x8d\xf0\x9f\x98\x80"),
            absl::StatusCode::kOk);
}

TEST(LimitsTest, CallsWithoutADeadlineGetTheServersDefault) {
  const std::string dir = MakeTempDir("claims-deadline");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  auto query = ServerProcess::Start(ServerProcess::kQuery, dir,
                                    {"--default_deadline_seconds=1"});
  ASSERT_TRUE(query.ok()) << query.status();
  // No client deadline, and a sequence the writer will never reach.
  auto stub = claims::v1::QueryService::NewStub(
      ClaimsClient::Connect((*query)->address()));
  grpc::ClientContext context;
  claims::v1::QueryClaimsRequest request;
  request.set_min_sequence(1u << 30);
  absl::Time start = absl::Now();
  auto reader = stub->QueryClaims(&context, request);
  claims::v1::QueryClaimsResponse item;
  while (reader->Read(&item)) {
  }
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("min_sequence"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  std::filesystem::remove_all(dir);
}

// Runs claimctl with `args`; returns its exit code and stdout.
int RunClaimctl(const std::vector<std::string>& args, std::string* out) {
  std::string command = CLAIMS_CLAIMCTL_BIN;
  for (const std::string& arg : args) absl::StrAppend(&command, " '", arg, "'");
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out->append(buffer, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(BackupTest, ClaimctlBackupThenRestoreIntoANewRootAndQuery) {
  const std::string root = MakeTempDir("claims-backup");
  const std::string backups = root + "/backups";
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, root + "/live",
                                     {"--backup_dir=" + backups});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  ClaimsClient client(ClaimsClient::Connect((*ingest)->address()), nullptr);
  Article kept;
  kept.set_id("before-backup");
  kept.set_body("Chancellor Olaf Scholz visited Paris on May 2, 2024.");
  auto stored = client.IngestArticle(kept);
  ASSERT_TRUE(stored.ok()) << stored.status();

  std::string out;
  ASSERT_EQ(RunClaimctl({"backup", "--ingest=" + (*ingest)->address()}, &out), 0) << out;
  EXPECT_THAT(out, ::testing::HasSubstr(
      absl::StrCat("sequence ", stored->sequence())));

  Article later;
  later.set_id("after-backup");
  later.set_body("President Emmanuel Macron visited Rome on June 3, 2024.");
  ASSERT_TRUE(client.IngestArticle(later).ok());
  (*ingest)->Signal(SIGTERM);
  ASSERT_EQ((*ingest)->Wait(), 0);

  out.clear();
  ASSERT_EQ(RunClaimctl({"restore", "--backup_dir=" + backups,
                         "--into=" + root + "/restored"}, &out), 0) << out;
  // Restoring over a database is refused.
  std::string refused;
  EXPECT_NE(RunClaimctl({"restore", "--backup_dir=" + backups,
                         "--into=" + root + "/restored"}, &refused), 0);

  auto query = ServerProcess::Start(ServerProcess::kQuery, root + "/restored");
  ASSERT_TRUE(query.ok()) << query.status();
  ClaimsClient reader(nullptr, ClaimsClient::Connect((*query)->address()));
  auto before = reader.GetArticle("before-backup", true);
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_EQ(static_cast<uint32_t>(before->claims_size()), stored->claim_count());
  EXPECT_EQ(reader.GetArticle("after-backup", false).status().code(),
            absl::StatusCode::kNotFound);
  claims::v1::QueryClaimsRequest by_actor;
  by_actor.add_actors("Olaf Scholz");
  auto items = reader.QueryAll(by_actor);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_FALSE(items->empty());
  std::filesystem::remove_all(root);
}

TEST(ShutdownTest, SigtermDrainsStreamsAtAResumePointAndExitsZero) {
  const std::string dir = MakeTempDir("claims-drain");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir,
                                     {"--sync_writes=false"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  auto query = ServerProcess::Start(ServerProcess::kQuery, dir,
                                    {"--shutdown_grace_seconds=3"});
  ASSERT_TRUE(query.ok()) << query.status();
  ClaimsClient client(ClaimsClient::Connect((*ingest)->address()),
                      ClaimsClient::Connect((*query)->address()));
  std::vector<Article> articles;
  for (int n = 0; n < 400; ++n) {
    Article article;
    article.set_id(absl::StrCat("drain-", n));
    article.set_body(absl::StrCat(
        "Chancellor Olaf Scholz met President Joe Biden in Washington on March ",
        1 + n % 28, ", 2024. They discussed aid to Ukraine, round ", n,
        ". Officials said talks on trade would continue."));
    articles.push_back(std::move(article));
  }
  uint64_t last_sequence = 0;
  ASSERT_TRUE(client.IngestArticles(articles, [&](const auto& reply) {
    last_sequence = std::max(last_sequence, reply.result().sequence());
  }).ok());

  claims::v1::QueryClaimsRequest all;
  all.set_min_sequence(last_sequence);
  auto everything = client.QueryAll(all);
  ASSERT_TRUE(everything.ok()) << everything.status();
  ASSERT_GT(everything->size(), 100u);

  // A watcher holds an open stream, and a slow reader is in the middle of
  // a query stream, when SIGTERM arrives.
  grpc::ClientContext watch_context;
  absl::Status watch_status;
  std::thread watcher([&] {
    watch_status = client.WatchClaims(
        claims::v1::WatchClaimsRequest(), [](const auto&) { return true; },
        &watch_context);
  });
  absl::SleepFor(absl::Milliseconds(200));

  std::vector<std::string> received;
  std::string last_cursor;
  absl::Time signalled;
  absl::Status stream_status = client.QueryClaims(
      claims::v1::QueryClaimsRequest(), [&](const auto& item) {
        received.push_back(item.claim().id());
        last_cursor = item.cursor();
        if (received.size() == 10) {
          (*query)->Signal(SIGTERM);
          signalled = absl::Now();
        }
        absl::SleepFor(absl::Milliseconds(2));
        return true;
      });
  // Either the whole result had already been sent, or the stream ended
  // early with a retryable status; the cursors tell where to resume.
  if (!stream_status.ok()) {
    EXPECT_EQ(stream_status.code(), absl::StatusCode::kUnavailable) << stream_status;
  }
  EXPECT_EQ((*query)->Wait(), 0);
  EXPECT_LT(absl::Now() - signalled, absl::Seconds(10));
  watcher.join();
  EXPECT_EQ(watch_status.code(), absl::StatusCode::kUnavailable) << watch_status;
  EXPECT_THAT(std::string(watch_status.message()), ::testing::HasSubstr("draining"));

  // A new query server continues from the last cursor: no gap, no repeat.
  auto restarted = ServerProcess::Start(ServerProcess::kQuery, dir);
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  ClaimsClient resumed(nullptr, ClaimsClient::Connect((*restarted)->address()));
  claims::v1::QueryClaimsRequest rest;
  rest.set_cursor(last_cursor);
  auto remaining = resumed.QueryAll(rest);
  ASSERT_TRUE(remaining.ok()) << remaining.status();
  for (const auto& item : *remaining) received.push_back(item.claim().id());
  std::vector<std::string> expected;
  for (const auto& item : *everything) expected.push_back(item.claim().id());
  EXPECT_EQ(received, expected);

  // The writer also drains and exits 0.
  (*ingest)->Signal(SIGTERM);
  EXPECT_EQ((*ingest)->Wait(), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claims::testing
