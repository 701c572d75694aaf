// Hostile clients against the real servers: oversized and malformed
// requests, unbounded lists, broken bulk streams, clients that stop
// reading, token revocation and a full disk. After every case the stored
// data is unchanged and both servers are SERVING.
//
// The servers run with small limits (1 MiB messages, 4 stream slots, 2 per
// connection, a 2 s idle timeout) so each case takes a second or two.
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
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
using claims::v1::WatchClaimsRequest;

constexpr int kMaxMessageBytes = 1 << 20;
constexpr int kIdleTimeoutSeconds = 2;

// Every server of this suite runs with these limits.
std::vector<std::string> LimitFlags() {
  return {absl::StrCat("--max_message_bytes=", kMaxMessageBytes),
          absl::StrCat("--stream_idle_timeout_seconds=", kIdleTimeoutSeconds),
          "--max_concurrent_streams=4", "--max_streams_per_peer=2"};
}

// A connection of its own (gRPC shares one between identical channels).
// `stalls`: no BDP probing, so a client that does not read holds the
// server to the 64 KiB HTTP/2 window.
std::shared_ptr<grpc::Channel> NewConnection(const std::string& address,
                                             bool stalls = false) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  if (stalls) args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

// `sentences` sentences with one claim each.
std::string ClaimBody(int sentences, const std::string& tag) {
  std::string body;
  for (int i = 0; i < sentences; ++i) {
    absl::StrAppend(&body, "Chancellor Olaf Scholz met President Joe Biden in ",
                    "Washington on March ", 1 + i % 28, ", 2024, round ", tag,
                    "-", i, ". ");
  }
  return body;
}

Article MakeArticle(const std::string& id, const std::string& body) {
  Article article;
  article.set_id(id);
  article.set_body(body);
  return article;
}

// A status a hostile client may see: the expected code, a short message,
// and none of the input echoed (the inputs are runs of 'Q').
void ExpectRejected(const absl::Status& status, absl::StatusCode code,
                    const std::string& what) {
  EXPECT_EQ(status.code(), code) << what << ": " << status;
  EXPECT_LE(status.message().size(), 256u) << what;
  EXPECT_FALSE(absl::StrContains(status.message(), "QQQQQQQQ")) << what;
}

int64_t RssKib(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (absl::StartsWith(line, "VmRSS:")) return std::stoll(line.substr(6));
  }
  return -1;
}

class HostileClientTest : public ::testing::Test {
 protected:
  // A failure here fails every case (an ASSERT in SetUpTestSuite would
  // only skip them).
  static void SetUpTestSuite() { setup_ = new absl::Status(StartServers()); }

  static absl::Status StartServers() {
    dir_ = new std::string(MakeTempDir("claims-hostile-clients"));
    auto ingest =
        ServerProcess::Start(ServerProcess::kIngest, *dir_, LimitFlags());
    if (!ingest.ok()) return ingest.status();
    ingest_ = ingest->release();
    std::vector<std::string> query_flags = LimitFlags();
    query_flags.push_back("--max_watchers=4");
    auto query = ServerProcess::Start(ServerProcess::kQuery, *dir_, query_flags);
    if (!query.ok()) return query.status();
    query_ = query->release();
    // Enough claims that a query's answer is far larger than a stream's
    // flow-control window.
    ClaimsClient client(NewConnection(ingest_->address()),
                        NewConnection(query_->address()));
    std::vector<Article> articles;
    for (int n = 0; n < 5; ++n) {
      articles.push_back(
          MakeArticle(absl::StrCat("bulk-", n), ClaimBody(400, absl::StrCat(n))));
    }
    uint64_t sequence = 0;
    int failed = 0;
    absl::Status loaded = client.IngestArticles(articles, [&](const auto& reply) {
      failed += reply.code() != 0;
      sequence = std::max(sequence, reply.result().sequence());
    });
    if (!loaded.ok()) return loaded;
    if (failed > 0) return absl::InternalError("the corpus did not load");
    QueryClaimsRequest all;
    all.set_min_sequence(sequence);
    auto items = client.QueryAll(all);
    if (!items.ok()) return items.status();
    baseline_ = new std::vector<std::string>();
    for (const auto& item : *items) baseline_->push_back(item.claim().id());
    if (baseline_->size() != 2000u) {
      return absl::InternalError(absl::StrCat(baseline_->size(), " claims, not 2000"));
    }
    return absl::OkStatus();
  }

  static void TearDownTestSuite() {
    delete query_;
    delete ingest_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete baseline_;
    delete setup_;
  }

  void SetUp() override {
    ASSERT_TRUE(setup_->ok()) << "starting the servers: " << *setup_;
    client_ = std::make_unique<ClaimsClient>(NewConnection(ingest_->address()),
                                             NewConnection(query_->address()));
    client_->set_timeout(absl::Seconds(30));
  }

  // After every case: both servers SERVING, the stored claims unchanged.
  void TearDown() override {
    if (!setup_->ok()) return;
    EXPECT_TRUE(IsServing(ingest_->address()).value_or(false));
    EXPECT_TRUE(IsServing(query_->address()).value_or(false));
    // The query side may lag the last delete by a catch-up interval.
    std::vector<std::string> now;
    for (absl::Time until = absl::Now() + absl::Seconds(5); absl::Now() < until;
         absl::SleepFor(absl::Milliseconds(100))) {
      auto items = client_->QueryAll(QueryClaimsRequest());
      ASSERT_TRUE(items.ok()) << items.status();
      now.clear();
      for (const auto& item : *items) now.push_back(item.claim().id());
      if (now == *baseline_) break;
    }
    EXPECT_EQ(now, *baseline_);
  }

  static absl::Status* setup_;
  static std::string* dir_;
  static ServerProcess* ingest_;
  static ServerProcess* query_;
  static std::vector<std::string>* baseline_;
  std::unique_ptr<ClaimsClient> client_;
};

absl::Status* HostileClientTest::setup_ = nullptr;
std::string* HostileClientTest::dir_ = nullptr;
ServerProcess* HostileClientTest::ingest_ = nullptr;
ServerProcess* HostileClientTest::query_ = nullptr;
std::vector<std::string>* HostileClientTest::baseline_ = nullptr;

TEST_F(HostileClientTest, OversizedArticleFieldsAreRejectedWithoutEcho) {
  const std::string body = "Chancellor Olaf Scholz visited Paris on May 2, 2024.";
  struct Case {
    const char* what;
    std::function<void(Article*)> spoil;
  };
  const std::vector<Case> cases = {
      {"id", [](Article* a) { a->set_id(std::string(100 << 10, 'Q')); }},
      {"title", [](Article* a) { a->set_title(std::string(3000, 'Q')); }},
      {"url", [](Article* a) { a->set_url(std::string(3000, 'Q')); }},
      {"published", [](Article* a) { a->set_published(std::string(100, 'Q')); }},
      {"author", [](Article* a) { a->add_authors(std::string(300, 'Q')); }},
      {"empty author", [](Article* a) { a->add_authors(""); }},
      {"authors", [](Article* a) {
         for (int i = 0; i < 33; ++i) a->add_authors("QQQQQQQQQ");
       }},
  };
  for (const Case& c : cases) {
    Article article = MakeArticle("", body);
    c.spoil(&article);
    ExpectRejected(client_->Analyze(article).status(),
                   absl::StatusCode::kInvalidArgument, c.what);
    ExpectRejected(client_->IngestArticle(article).status(),
                   absl::StatusCode::kInvalidArgument, c.what);
  }
  const std::string long_id(300, 'Q');
  ExpectRejected(client_->GetArticle(long_id, true).status(),
                 absl::StatusCode::kInvalidArgument, "GetArticle id");
  ExpectRejected(client_->DeleteArticle(long_id).status(),
                 absl::StatusCode::kInvalidArgument, "DeleteArticle id");
  ExpectRejected(client_->ListActors(long_id, 0).status(),
                 absl::StatusCode::kInvalidArgument, "ListActors prefix");
  ExpectRejected(client_->ListActors("", 5000).status(),
                 absl::StatusCode::kInvalidArgument, "ListActors limit");

  // Over the message size: refused by gRPC, and the channel stays usable.
  Article huge = MakeArticle(std::string(2 << 20, 'Q'), body);
  ExpectRejected(client_->Analyze(huge).status(),
                 absl::StatusCode::kResourceExhausted, "2 MiB id");
  EXPECT_TRUE(client_->Analyze(MakeArticle("", body)).ok());
}

TEST_F(HostileClientTest, QueryAndWatchListsAreBoundedAndValidated) {
  struct Case {
    const char* what;
    std::function<void(QueryClaimsRequest*)> spoil;
  };
  auto many = [](auto* list, int n) {
    for (int i = 0; i < n; ++i) *list->Add() = absl::StrCat("QQQQQQQQ-", i);
  };
  const std::vector<Case> cases = {
      {"65 topics", [&](auto* r) { many(r->mutable_topics(), 65); }},
      {"30000 topics", [&](auto* r) { many(r->mutable_topics(), 30000); }},
      {"65 actors", [&](auto* r) { many(r->mutable_actors(), 65); }},
      {"65 article ids", [&](auto* r) { many(r->mutable_article_ids(), 65); }},
      {"empty topic", [](auto* r) { r->add_topics(""); }},
      {"empty actor", [](auto* r) { r->add_actors(""); }},
      {"long topic", [](auto* r) { r->add_topics(std::string(200, 'Q')); }},
      {"long actor", [](auto* r) { r->add_actors(std::string(300, 'Q')); }},
      {"long cursor", [](auto* r) { r->set_cursor(std::string(2000, 'Q')); }},
      {"long from", [](auto* r) { r->set_from(std::string(100, 'Q')); }},
      {"unknown type", [](auto* r) { r->add_types(static_cast<claims::v1::ClaimType>(99)); }},
      {"unknown modality", [](auto* r) { r->add_modalities(static_cast<claims::v1::Modality>(42)); }},
      {"unknown order", [](auto* r) { r->set_order(static_cast<claims::v1::Order>(9)); }},
      {"unknown date field", [](auto* r) { r->set_date_field(static_cast<claims::v1::DateField>(9)); }},
      {"NaN confidence", [](auto* r) { r->set_min_confidence(std::nanf("")); }},
  };
  for (const Case& c : cases) {
    QueryClaimsRequest request;
    c.spoil(&request);
    const absl::Time start = absl::Now();
    ExpectRejected(client_->QueryAll(request).status(),
                   absl::StatusCode::kInvalidArgument, c.what);
    EXPECT_LT(absl::Now() - start, absl::Seconds(2)) << c.what;

    WatchClaimsRequest watch;
    *watch.mutable_actors() = request.actors();
    *watch.mutable_topics() = request.topics();
    watch.set_cursor(request.cursor());
    if (watch.actors().empty() && watch.topics().empty() && watch.cursor().empty()) {
      continue;  // a kind watches do not have
    }
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    ExpectRejected(client_->WatchClaims(watch, [](const auto&) { return true; },
                                        &context),
                   absl::StatusCode::kInvalidArgument, c.what);
  }
  // The rejected requests left nothing behind.
  EXPECT_LT(RssKib(query_->pid()), 256 << 10);
}

TEST_F(HostileClientTest, InvalidUtf8IsInvalidArgumentOnWatchesAndQueries) {
  // The client library serializes invalid UTF-8 (it only logs), so the
  // server sees what a hostile client would send.
  WatchClaimsRequest watch;
  watch.add_actors("caf\xe9");
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  ExpectRejected(
      client_->WatchClaims(watch, [](const auto&) { return true; }, &context),
      absl::StatusCode::kInvalidArgument, "Latin-1 actor");
  QueryClaimsRequest query;
  query.add_actors("caf\xe9");
  ExpectRejected(client_->QueryAll(query).status(),
                 absl::StatusCode::kInvalidArgument, "Latin-1 actor, query");
}

TEST_F(HostileClientTest, RepliesFitTheMessageSizeAndSaySoWhenTrimmed) {
  // The largest article the 1 MiB limit accepts, analyzed: its full answer
  // is several times the limit.
  std::string body;
  for (int i = 0; body.size() < 1000000 - 200; ++i) {
    absl::StrAppend(&body, "President Emmanuel Macron told Chancellor Olaf ",
                    "Scholz in Berlin on May ", 1 + i % 28,
                    ", 2024 that Paris would back the plan, round ", i, ". ");
  }
  // Extracting the largest article takes seconds in a release build and
  // minutes under the sanitizers: this test is about sizes, not speed.
  client_->set_timeout(absl::Seconds(300));
  auto analysis = client_->Analyze(MakeArticle("largest", body));
  ASSERT_TRUE(analysis.ok()) << analysis.status();
  EXPECT_TRUE(analysis->truncated());
  EXPECT_LE(analysis->ByteSizeLong(), static_cast<size_t>(kMaxMessageBytes));
  EXPECT_GT(analysis->claims_size(), 100);
  EXPECT_EQ(analysis->claims(0).text(), "");  // the body and offsets give it

  // Stored, its claims do not fit one GetArticle reply either.
  auto stored = client_->IngestArticle(MakeArticle("largest", body));
  ASSERT_TRUE(stored.ok()) << stored.status();
  QueryClaimsRequest wait;
  wait.set_limit(1);
  wait.set_min_sequence(stored->sequence());
  ASSERT_TRUE(client_->QueryAll(wait).ok());
  auto article = client_->GetArticle("largest", true);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_TRUE(article->truncated());
  EXPECT_LT(static_cast<uint32_t>(article->claims_size()), stored->claim_count());
  EXPECT_LE(article->ByteSizeLong(), static_cast<size_t>(kMaxMessageBytes));
  ASSERT_TRUE(client_->DeleteArticle("largest").ok());
}

TEST_F(HostileClientTest, BulkStreamAnswersEveryArticleInOrder) {
  std::vector<Article> articles = {
      MakeArticle("stream-a", ClaimBody(2, "a")),
      MakeArticle("stream-latin1", "Caf\xe9 au lait in Paris on May 2, 2024."),
      MakeArticle(std::string(300, 'Q'), ClaimBody(2, "q")),
      MakeArticle("stream-b", ClaimBody(2, "b")),
  };
  std::vector<std::pair<uint64_t, int>> replies;
  ASSERT_TRUE(client_->IngestArticles(articles, [&](const auto& reply) {
    replies.emplace_back(reply.index(), reply.code());
    EXPECT_FALSE(absl::StrContains(reply.message(), "QQQQQQQQ"));
  }).ok());
  const int invalid = static_cast<int>(absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(replies, ::testing::ElementsAre(::testing::Pair(0, 0),
                                              ::testing::Pair(1, invalid),
                                              ::testing::Pair(2, invalid),
                                              ::testing::Pair(3, 0)));
  ASSERT_TRUE(client_->DeleteArticle("stream-a").ok());
  ASSERT_TRUE(client_->DeleteArticle("stream-b").ok());

  // claimctl says which file failed and exits non-zero.
  const std::string files = MakeTempDir("claims-hostile-files");
  std::ofstream(files + "/a.json") << R"({"id":"cli-a","body":"Chancellor Olaf Scholz visited Rome on May 3, 2024."})";
  std::ofstream(files + "/b.txt") << "Caf\xe9 cr\xe8me in Paris on May 2, 2024.";
  std::ofstream(files + "/c.json") << R"({"id":"cli-c","body":"President Joe Biden visited Rome on May 4, 2024."})";
  const std::string command = absl::StrCat(CLAIMS_CLAIMCTL_BIN, " --ingest=",
                                           ingest_->address(), " ingest ", files,
                                           " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << out;
  EXPECT_THAT(out, ::testing::HasSubstr("b.txt: error 3"));
  EXPECT_THAT(out, ::testing::HasSubstr("ingested 2 article(s)"));
  EXPECT_THAT(out, ::testing::HasSubstr("1 failed"));
  std::filesystem::remove_all(files);
  ASSERT_TRUE(client_->DeleteArticle("cli-a").ok());
  ASSERT_TRUE(client_->DeleteArticle("cli-c").ok());
}

// A client that starts `streams` calls of `method` with `request` and then
// never reads its socket (a hung or stopped process): hand-written HTTP/2,
// so no client library buffers anything and no WINDOW_UPDATE ever goes out.
// The server may send 64 KiB (the initial HTTP/2 window), then blocks in a
// write.
class StalledConnection {
 public:
  StalledConnection(const std::string& address, int streams,
                    const std::string& method = "QueryClaims",
                    const google::protobuf::Message& request = QueryClaimsRequest()) {
    const size_t colon = address.rfind(':');
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(std::stoi(address.substr(colon + 1)));
    inet_pton(AF_INET, address.substr(0, colon).c_str(), &addr.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    std::string out = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
    Frame(0x4, 0, 0, "", &out);  // empty SETTINGS
    for (int i = 0; i < streams; ++i) {
      const uint32_t id = 1 + 2 * i;
      std::string headers;
      for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
               {":method", "POST"}, {":scheme", "http"},
               {":path", "/claims.v1.QueryService/" + method},
               {":authority", address}, {"content-type", "application/grpc"},
               {"te", "trailers"}}) {
        // HPACK literal without indexing, new name, no Huffman coding.
        headers += '\0';
        headers += static_cast<char>(name.size());
        headers += name;
        headers += static_cast<char>(value.size());
        headers += value;
      }
      Frame(0x1, 0x4, id, headers, &out);  // END_HEADERS
      const std::string message = request.SerializeAsString();
      const uint32_t n = static_cast<uint32_t>(message.size());
      std::string data = {'\0', static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                          static_cast<char>(n >> 8), static_cast<char>(n)};
      Frame(0x0, 0x1, id, data + message, &out);  // END_STREAM
    }
    connected_ = connected_ && write(fd_, out.data(), out.size()) ==
                                   static_cast<ssize_t>(out.size());
  }
  ~StalledConnection() { close(fd_); }
  bool connected() const { return connected_; }

 private:
  static void Frame(uint8_t type, uint8_t flags, uint32_t stream,
                    const std::string& payload, std::string* out) {
    const uint32_t n = static_cast<uint32_t>(payload.size());
    const char header[9] = {static_cast<char>(n >> 16), static_cast<char>(n >> 8),
                            static_cast<char>(n), static_cast<char>(type),
                            static_cast<char>(flags), static_cast<char>(stream >> 24),
                            static_cast<char>(stream >> 16), static_cast<char>(stream >> 8),
                            static_cast<char>(stream)};
    out->append(header, 9);
    out->append(payload);
  }

  int fd_ = -1;
  bool connected_ = false;
};

TEST_F(HostileClientTest, StreamSlotsAreLimitedPerConnection) {
  // Calls that hold their slot without sending anything: waiting for a
  // sequence the writer will not reach.
  auto busy = NewConnection(query_->address());
  auto stub = claims::v1::QueryService::NewStub(busy);
  QueryClaimsRequest waiting;
  waiting.set_min_sequence(uint64_t{1} << 40);
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<claims::v1::QueryClaimsResponse>>> held;
  auto open = [&] {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    contexts.back()->set_deadline(std::chrono::system_clock::now() +
                                  std::chrono::seconds(20));
    held.push_back(stub->QueryClaims(contexts.back().get(), waiting));
  };
  open();
  open();
  absl::SleepFor(absl::Milliseconds(300));
  open();  // one too many for this connection
  claims::v1::QueryClaimsResponse item;
  EXPECT_FALSE(held.back()->Read(&item));
  const grpc::Status third = held.back()->Finish();
  EXPECT_EQ(third.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(third.error_message(), ::testing::HasSubstr("connection"));
  // Another client still gets in.
  EXPECT_TRUE(client_->QueryAll(QueryClaimsRequest()).ok());
  for (size_t i = 0; i < 2; ++i) {
    contexts[i]->TryCancel();
    held[i]->Finish();
  }
}

TEST_F(HostileClientTest, StalledReadersAreCancelledAndFreeTheirSlots) {
  // Two connections that stop reading take all four slots.
  StalledConnection first(query_->address(), 2);
  StalledConnection second(query_->address(), 2);
  ASSERT_TRUE(first.connected() && second.connected());
  absl::SleepFor(absl::Milliseconds(300));
  auto refused = client_->QueryAll(QueryClaimsRequest());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted)
      << refused.status();

  // The idle timeout cancels them and frees their slots.
  const absl::Time start = absl::Now();
  absl::Status again;
  do {
    absl::SleepFor(absl::Milliseconds(250));
    again = client_->QueryAll(QueryClaimsRequest()).status();
  } while (!again.ok() && absl::Now() - start < absl::Seconds(10));
  EXPECT_TRUE(again.ok()) << again;
  EXPECT_LT(absl::Now() - start, absl::Seconds(kIdleTimeoutSeconds + 2));
}

TEST_F(HostileClientTest, WatchersThatStopReadingAreCancelledAndFreeTheirSlots) {
  // Four watches that will not read take every watch slot...
  WatchClaimsRequest scholz;
  scholz.add_actors("Olaf Scholz");
  StalledConnection first(query_->address(), 2, "WatchClaims", scholz);
  StalledConnection second(query_->address(), 2, "WatchClaims", scholz);
  ASSERT_TRUE(first.connected() && second.connected());
  absl::SleepFor(absl::Milliseconds(300));
  // ...and block on flow control once far more than a window matches.
  ASSERT_TRUE(client_->IngestArticle(MakeArticle("flood", ClaimBody(400, "f"))).ok());

  // A watch is refused until the idle timeout has freed the slots.
  auto watch_status = [&] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::milliseconds(500));
    return client_->WatchClaims(scholz, [](const auto&) { return true; }, &context);
  };
  const absl::Time start = absl::Now();
  EXPECT_EQ(watch_status().code(), absl::StatusCode::kResourceExhausted);
  absl::Status opened;
  do {
    absl::SleepFor(absl::Milliseconds(250));
    opened = watch_status();  // an open watch runs into the 500 ms deadline
  } while (opened.code() == absl::StatusCode::kResourceExhausted &&
           absl::Now() - start < absl::Seconds(10));
  EXPECT_EQ(opened.code(), absl::StatusCode::kDeadlineExceeded) << opened;
  EXPECT_LT(absl::Now() - start, absl::Seconds(kIdleTimeoutSeconds + 3));
  ASSERT_TRUE(client_->DeleteArticle("flood").ok());
}

TEST_F(HostileClientTest, AWatcherWithTheLargestFilterDoesNotDelayOthers) {
  // As many actors as a request may name (topics would narrow the match:
  // kinds combine with all-of).
  WatchClaimsRequest large;
  for (int i = 0; i < 63; ++i) large.add_actors(absl::StrCat("No Such Person ", i));
  large.add_actors("Olaf Scholz");
  WatchClaimsRequest small;
  small.add_actors("Olaf Scholz");

  struct Watch {
    grpc::ClientContext context;
    absl::Notification first;
    absl::Status status;
    std::thread thread;
  };
  auto open = [&](const WatchClaimsRequest& request, Watch* watch) {
    watch->thread = std::thread([this, request, watch] {
      ClaimsClient client(nullptr, NewConnection(query_->address()));
      watch->status = client.WatchClaims(
          request,
          [watch](const auto&) {
            if (!watch->first.HasBeenNotified()) watch->first.Notify();
            return true;
          },
          &watch->context);
    });
  };
  Watch large_watch, small_watch;
  open(large, &large_watch);
  open(small, &small_watch);
  absl::SleepFor(absl::Milliseconds(300));
  ASSERT_TRUE(client_->IngestArticle(MakeArticle("watched", ClaimBody(3, "w"))).ok());
  EXPECT_TRUE(small_watch.first.WaitForNotificationWithTimeout(absl::Seconds(5)));
  EXPECT_TRUE(large_watch.first.WaitForNotificationWithTimeout(absl::Seconds(5)));
  large_watch.context.TryCancel();
  small_watch.context.TryCancel();
  large_watch.thread.join();
  small_watch.thread.join();
  ASSERT_TRUE(client_->DeleteArticle("watched").ok());
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::trunc) << content;
}

TEST(HostileAuthTest, RevokedTokensStopWorkingWithinTheReloadInterval) {
  const std::string dir = MakeTempDir("claims-hostile-auth");
  const std::string tokens = dir + "/tokens";
  WriteFile(tokens, "secret-one\n");
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir + "/data",
                                     {"--auth_token_file=" + tokens});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  ClaimsClient client(NewConnection((*ingest)->address()), nullptr);
  client.set_bearer_token("secret-one");
  const Article article = MakeArticle("", "President Joe Biden visited Rome on May 4, 2024.");
  ASSERT_TRUE(client.Analyze(article).ok());

  // Within the reload interval (1 s) of each change.
  auto code_after_reload = [&] {
    absl::SleepFor(absl::Milliseconds(1200));
    return client.Analyze(article).status().code();
  };
  WriteFile(tokens, "");
  EXPECT_EQ(code_after_reload(), absl::StatusCode::kUnauthenticated);
  WriteFile(tokens, "secret-one\n");
  EXPECT_EQ(code_after_reload(), absl::StatusCode::kOk);
  std::filesystem::remove(tokens);
  EXPECT_EQ(code_after_reload(), absl::StatusCode::kUnauthenticated);
  WriteFile(tokens, "# only a comment\n");
  EXPECT_EQ(code_after_reload(), absl::StatusCode::kUnauthenticated);
  WriteFile(tokens, "secret-two\n");
  EXPECT_EQ(code_after_reload(), absl::StatusCode::kUnauthenticated);
  client.set_bearer_token("secret-two");
  EXPECT_TRUE(client.Analyze(article).ok());
  EXPECT_TRUE(IsServing((*ingest)->address()).value_or(false));
  std::filesystem::remove_all(dir);
}

// A small tmpfs for the data; unmounted when done.
class SmallVolume {
 public:
  explicit SmallVolume(const std::string& size) : path_(MakeTempDir("claims-full")) {
    mounted_ = mount("tmpfs", path_.c_str(), "tmpfs", 0,
                     ("size=" + size).c_str()) == 0;
  }
  ~SmallVolume() {
    if (mounted_) umount2(path_.c_str(), MNT_DETACH);
    std::filesystem::remove_all(path_);
  }
  bool mounted() const { return mounted_; }
  const std::string& path() const { return path_; }

  // Fills the volume up to `leave` free bytes.
  void Fill(uint64_t leave) {
    struct statvfs info;
    statvfs(path_.c_str(), &info);
    const uint64_t free = static_cast<uint64_t>(info.f_bavail) * info.f_frsize;
    std::ofstream filler(path_ + "/filler", std::ios::binary | std::ios::trunc);
    const std::string chunk(1 << 16, '\0');
    for (uint64_t left = free > leave ? free - leave : 0; left > 0;) {
      const uint64_t n = std::min<uint64_t>(left, chunk.size());
      filler.write(chunk.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
  }
  void Free() { std::filesystem::remove(path_ + "/filler"); }

 private:
  std::string path_;
  bool mounted_ = false;
};

// Waits until the server's health is `serving`.
bool WaitForHealth(const std::string& address, bool serving, absl::Duration limit) {
  for (absl::Time until = absl::Now() + limit; absl::Now() < until;
       absl::SleepFor(absl::Milliseconds(100))) {
    absl::StatusOr<bool> now = IsServing(address);
    if (now.ok() && *now == serving) return true;
  }
  return false;
}

TEST(HostileDiskTest, AFullDiskFailsWritesCleanlyAndRecoversWithoutARestart) {
  SmallVolume volume("48m");
  if (!volume.mounted()) {
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root): disk-full case not run";
  }
  const std::string data = volume.path() + "/data";
  const std::vector<std::string> flags = {"--wal_archive_max_mb=1"};
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, data, flags);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  auto query = ServerProcess::Start(ServerProcess::kQuery, data);
  ASSERT_TRUE(query.ok()) << query.status();
  ClaimsClient client(NewConnection((*ingest)->address()),
                      NewConnection((*query)->address()));
  client.set_timeout(absl::Seconds(20));

  // Ingests until a write fails; returns the ids acknowledged.
  std::vector<std::string> acknowledged;
  int next = 0;
  auto ingest_until_full = [&] {
    for (int tries = 0; tries < 200; ++tries) {
      const std::string id = absl::StrCat("full-", next++);
      auto reply = client.IngestArticle(MakeArticle(id, ClaimBody(400, id)));
      if (!reply.ok()) return reply.status();
      acknowledged.push_back(id);
    }
    return absl::OkStatus();
  };

  volume.Fill(64 << 10);
  absl::Status full = ingest_until_full();
  EXPECT_EQ(full.code(), absl::StatusCode::kResourceExhausted) << full;
  EXPECT_THAT(std::string(full.message()), ::testing::HasSubstr("disk full"));
  EXPECT_TRUE(WaitForHealth((*ingest)->address(), false, absl::Seconds(3)));
  EXPECT_EQ(client.IngestArticle(MakeArticle("refused", ClaimBody(1, "r"))).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(IsServing((*query)->address()).value_or(false));

  // Space comes back: so do writes, without a restart.
  volume.Free();
  EXPECT_TRUE(WaitForHealth((*ingest)->address(), true, absl::Seconds(15)));
  auto after = client.IngestArticle(MakeArticle("after-recovery", ClaimBody(3, "after")));
  ASSERT_TRUE(after.ok()) << after.status();
  acknowledged.push_back("after-recovery");

  // Full again, then SIGTERM: a clean exit.
  volume.Fill(64 << 10);
  EXPECT_FALSE(ingest_until_full().ok());
  (*ingest)->Signal(SIGTERM);
  EXPECT_EQ((*ingest)->Wait(), 0);

  // Restarted with space: everything acknowledged is there, whole.
  volume.Free();
  ingest = ServerProcess::Start(ServerProcess::kIngest, data, flags);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  ClaimsClient writer(NewConnection((*ingest)->address()), nullptr);
  auto last = writer.IngestArticle(MakeArticle("after-restart", ClaimBody(1, "z")));
  ASSERT_TRUE(last.ok()) << last.status();
  QueryClaimsRequest wait;
  wait.set_limit(1);
  wait.set_min_sequence(last->sequence());
  ASSERT_TRUE(client.QueryAll(wait).ok());
  for (const std::string& id : acknowledged) {
    auto article = client.GetArticle(id, false);
    ASSERT_TRUE(article.ok()) << id << ": " << article.status();
    EXPECT_GT(article->article().claim_count(), 0u) << id;
  }
  // The WAL archive kept for followers stays within its bound (trimmed
  // once a second).
  uint64_t archived = 0;
  for (absl::Time until = absl::Now() + absl::Seconds(3); absl::Now() < until;
       absl::SleepFor(absl::Milliseconds(200))) {
    archived = 0;
    for (const auto& entry : std::filesystem::directory_iterator(data + "/db/archive")) {
      archived += entry.file_size();
    }
    if (archived <= (1u << 20)) break;
  }
  EXPECT_LE(archived, 1u << 20);
  EXPECT_TRUE(IsServing((*ingest)->address()).value_or(false));
  EXPECT_TRUE(IsServing((*query)->address()).value_or(false));
  (*query)->Signal(SIGTERM);
  EXPECT_EQ((*query)->Wait(), 0);
  (*ingest)->Signal(SIGTERM);
  EXPECT_EQ((*ingest)->Wait(), 0);
}

}  // namespace
}  // namespace claims::testing
