// The replicated mode for real: three nats-server processes on loopback
// (a JetStream cluster), ingest servers and query replicas started with
// --log, and the invariants the scale-out study says must hold under
// faults: replicas converge to the same content, read-your-writes works on
// any replica, kill -9 of the stream leader, of a query replica and of an
// ingest server loses no acknowledged article, a stale writer is fenced,
// and a record that breaks the chain stops a replica instead of being
// applied; new replicas bootstrap from a peer or from a backup (never
// across a hole in the log); `claimctl log` shows where everyone is.
// `ctest -L nats`. Skips only when nats-server is not installed. (The
// same invariants under network partitions: partition_test.cc.)
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

#include "cli/claims_client.h"
#include "common/log/log_writer.h"
#include "common/log/nats_log.h"
#include "common/log/record.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_svc/checkpoint_fetch.h"
#include "query_svc/replica_backup.h"
#include "query_svc/shard_router.h"
#include "tests/integration/nats_cluster.h"
#include "tests/integration/replicated_harness.h"
#include "tests/integration/server_process.h"
#include "tests/integration/shell.h"

namespace claims::testing {
namespace {

absl::Status FetchCheckpointForTest(const std::string& peer, const std::string& dir) {
  return FetchCheckpoint(peer, dir).status();
}

class ReplicatedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = NatsCluster::Start(3);
    if (absl::IsNotFound(cluster.status())) GTEST_SKIP() << cluster.status();
    ASSERT_TRUE(cluster.ok()) << cluster.status();
    cluster_ = *std::move(cluster);
    dir_ = MakeTempDir("replicated-test");
  }
  void TearDown() override {
    servers_.clear();
    cluster_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::vector<std::string> LogFlags(std::vector<std::string> more = {}) {
    more.push_back("--log=" + cluster_->url());
    return more;
  }
  ServerProcess* StartIngest(const std::string& name, std::vector<std::string> flags = {}) {
    auto p = ServerProcess::Start(ServerProcess::kIngest, dir_ + "/" + name, LogFlags(flags));
    EXPECT_TRUE(p.ok()) << p.status();
    if (!p.ok()) return nullptr;
    servers_[name] = *std::move(p);
    return servers_[name].get();
  }
  ServerProcess* StartQuery(const std::string& name, std::vector<std::string> flags = {}) {
    auto p = ServerProcess::Start(ServerProcess::kQuery, dir_ + "/" + name, LogFlags(flags));
    EXPECT_TRUE(p.ok()) << p.status();
    if (!p.ok()) return nullptr;
    servers_[name] = *std::move(p);
    return servers_[name].get();
  }
  void KillServer(const std::string& name) {
    servers_[name]->Signal(SIGKILL);
    servers_[name]->Wait();
  }
  std::unique_ptr<NatsLog> ConnectLog() {
    NatsLogOptions options;
    options.servers = *ParseNatsUrl(cluster_->url());
    auto log = NatsLog::Connect(options);
    EXPECT_TRUE(log.ok()) << log.status();
    return log.ok() ? *std::move(log) : nullptr;
  }

  std::unique_ptr<NatsCluster> cluster_;
  std::string dir_;
  std::map<std::string, std::unique_ptr<ServerProcess>> servers_;
};

TEST_F(ReplicatedTest, ReplicasConvergeAndReadYourWritesWorksOnTheOtherReplica) {
  ServerProcess* ingest_a = StartIngest("ingest-a");
  ServerProcess* ingest_b = StartIngest("ingest-b");
  ServerProcess* query_a = StartQuery("query-a");
  ServerProcess* query_b = StartQuery("query-b");
  ASSERT_TRUE(ingest_a && ingest_b && query_a && query_b);

  // Two writers append concurrently: the compare-and-append fences
  // whichever is stale, so sequences stay dense and unique.
  Load load;
  std::thread a([&] { load.Run("a", 0, 40, {[&] { return ingest_a; }}); });
  std::thread b([&] { load.Run("b", 0, 40, {[&] { return ingest_b; }}); });
  a.join();
  b.join();
  ASSERT_EQ(load.count.load(), 80);
  std::set<uint64_t> sequences;
  for (const auto& [id, seq] : load.acked) sequences.insert(seq);
  EXPECT_EQ(sequences.size(), 80u);
  EXPECT_EQ(*sequences.begin(), 1u);
  EXPECT_EQ(*sequences.rbegin(), 80u);

  // Read-your-writes: the token from ingest A, on replica B.
  auto reply = Client(ingest_a, nullptr).IngestArticle(Synthetic("ryw", 1));
  ASSERT_TRUE(reply.ok()) << reply.status();
  claims::v1::QueryClaimsRequest request;
  request.set_min_sequence(reply->sequence());
  request.add_article_ids(reply->article_id());
  auto seen = Client(nullptr, query_b).QueryAll(request);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(seen->size(), reply->claim_count());

  // Re-ingesting unchanged text appends nothing.
  auto again = Client(ingest_b, nullptr).IngestArticle(Synthetic("ryw", 1));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged());
  EXPECT_EQ(again->sequence(), reply->sequence());

  auto content_a = Content(*query_a, reply->sequence());
  auto content_b = Content(*query_b, reply->sequence());
  ASSERT_TRUE(content_a.ok() && content_b.ok());
  EXPECT_GT(content_a->size(), 1000u);
  EXPECT_EQ(*content_a, *content_b);
  ExpectSameDigest(*query_a, *query_b, reply->sequence());
  ExpectAllPresent(*query_a, load);
  ExpectAllPresent(*query_b, load);

  // `claimctl log`: the stream as JetStream reports it, and where each
  // replica is (genesis + 81 records, both at the end).
  ShellResult shown = RunShell(absl::StrCat(
      CLAIMS_CLAIMCTL_BIN, " --log=", cluster_->url(), " log --replicas=", query_a->address(),
      ",", query_b->address()));
  EXPECT_EQ(shown.code, 0) << shown.err;
  std::cerr << shown.out;
  EXPECT_NE(shown.out.find("1 shard(s)"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("CLAIMS_LOG_0"), std::string::npos) << shown.out;
  for (const ServerProcess* q : {query_a, query_b}) {
    EXPECT_NE(shown.out.find(absl::StrCat("replica ", q->address(),
                                          ": shard 0 position 82 (0 behind), sequence 81")),
              std::string::npos)
        << shown.out;
  }
}

TEST_F(ReplicatedTest, KillingTheStreamLeaderMidLoadLosesNoAcknowledgedArticle) {
  ServerProcess* ingest_a = StartIngest("ingest-a");
  ServerProcess* ingest_b = StartIngest("ingest-b");
  ServerProcess* query_a = StartQuery("query-a");
  ServerProcess* query_b = StartQuery("query-b");
  ASSERT_TRUE(ingest_a && ingest_b && query_a && query_b);
  auto log = ConnectLog();
  ASSERT_NE(log, nullptr);

  Load load;
  std::thread loader([&] {
    load.Run("lead", 0, 200, {[&] { return ingest_a; }, [&] { return ingest_b; }});
  });
  WaitForAll(load.count, 60, absl::Seconds(60));
  auto leader = log->Leader(0);
  ASSERT_TRUE(leader.ok()) << leader.status();
  const int victim = cluster_->IndexOf(*leader);
  ASSERT_GE(victim, 0) << *leader;
  const absl::Time killed_at = absl::Now();
  cluster_->Kill(victim);
  WaitForAll(load.count, 140, absl::Seconds(90));
  ASSERT_TRUE(cluster_->Restart(victim).ok());
  loader.join();
  std::cerr << "leader " << *leader << " killed at ack ~60: longest write gap "
            << absl::FormatDuration(load.longest_gap) << ", failed attempts "
            << load.failed_attempts.load() << ", since kill "
            << absl::FormatDuration(absl::Now() - killed_at) << "\n";
  ASSERT_EQ(load.count.load(), 200);
  EXPECT_LT(load.longest_gap, absl::Seconds(30));

  const uint64_t top = load.MaxSequence();
  EXPECT_EQ(top, 200u);  // dense: no record appended twice
  auto content_a = Content(*query_a, top);
  auto content_b = Content(*query_b, top);
  ASSERT_TRUE(content_a.ok()) << content_a.status();
  ASSERT_TRUE(content_b.ok()) << content_b.status();
  EXPECT_EQ(*content_a, *content_b);
  ExpectSameDigest(*query_a, *query_b, top);
  ExpectAllPresent(*query_a, load);
  ExpectAllPresent(*query_b, load);
  EXPECT_TRUE(WaitHealth(*query_a, true, absl::Seconds(5)));
  EXPECT_TRUE(WaitHealth(*query_b, true, absl::Seconds(5)));
}

TEST_F(ReplicatedTest, KillingAReplicaAndAnIngestServerMidLoadLosesNothing) {
  ServerProcess* ingest_a = StartIngest("ingest-a");
  ServerProcess* ingest_b = StartIngest("ingest-b");
  ServerProcess* query_a = StartQuery("query-a");
  ASSERT_TRUE(StartQuery("query-b") != nullptr);
  ASSERT_TRUE(ingest_a && ingest_b && query_a);

  std::atomic<ServerProcess*> current_a{ingest_a};
  Load load;
  std::thread loader([&] {
    load.Run("kill", 0, 150, {[&] { return current_a.load(); }, [&] { return ingest_b; }});
  });
  WaitForAll(load.count, 40, absl::Seconds(60));
  KillServer("query-b");  // mid-apply
  WaitForAll(load.count, 80, absl::Seconds(60));
  current_a = nullptr;
  KillServer("ingest-a");  // mid-append: the client retries on ingest-b
  WaitForAll(load.count, 100, absl::Seconds(60));
  ServerProcess* query_b = StartQuery("query-b");  // same data dir: resumes
  ASSERT_NE(query_b, nullptr);
  loader.join();
  ASSERT_EQ(load.count.load(), 150);

  const uint64_t top = load.MaxSequence();
  EXPECT_EQ(top, 150u);
  auto content_a = Content(*query_a, top);
  auto content_b = Content(*query_b, top);
  ASSERT_TRUE(content_a.ok() && content_b.ok());
  EXPECT_EQ(*content_a, *content_b);
  ExpectSameDigest(*query_a, *query_b, top);
  ExpectAllPresent(*query_a, load);
  ExpectAllPresent(*query_b, load);
  // The restarted replica applied only what it had not: its log position
  // and sequence match the other's exactly.
  EXPECT_EQ(Metric(*query_a, "claims_log_applied_position"),
            Metric(*query_b, "claims_log_applied_position"));
  EXPECT_EQ(Metric(*query_b, "claims_log_verify_failures_total"), 0);
}

TEST_F(ReplicatedTest, NewReplicaBootstrapsFromAPeerCheckpointWhileIngestGoesOn) {
  ServerProcess* ingest = StartIngest("ingest");
  ServerProcess* query_a = StartQuery("query-a");
  ASSERT_TRUE(ingest && query_a);
  Load load;
  load.Run("boot", 0, 60, {[&] { return ingest; }});
  std::thread more([&] { load.Run("boot", 60, 140, {[&] { return ingest; }}); });
  WaitForAll(load.count, 80, absl::Seconds(60));
  // Bootstrapped mid-load from query-a's checkpoint, then the log.
  ServerProcess* query_c =
      StartQuery("query-c", {"--bootstrap_from=" + query_a->address()});
  more.join();
  ASSERT_NE(query_c, nullptr);
  ASSERT_EQ(load.count.load(), 140);
  const uint64_t top = load.MaxSequence();
  auto content_a = Content(*query_a, top);
  auto content_c = Content(*query_c, top);
  ASSERT_TRUE(content_a.ok() && content_c.ok());
  EXPECT_EQ(*content_a, *content_c);
  ExpectSameDigest(*query_a, *query_c, top);
  ExpectAllPresent(*query_c, load);
  // It replayed only what came after the checkpoint.
  const double applied = Metric(*query_c, "claims_log_records_applied_total");
  EXPECT_GT(applied, -1);
  EXPECT_LT(applied, static_cast<double>(top));
  EXPECT_EQ(Metric(*query_a, "claims_log_applied_position"),
            Metric(*query_c, "claims_log_applied_position"));

  // The single-machine mode has no replica to copy: a clear refusal.
  auto single = ServerPair::Start("replicated-single");
  ASSERT_TRUE(single.ok()) << single.status();
  auto refused = FetchCheckpointForTest((*single)->query->address(), dir_ + "/nothing");
  EXPECT_TRUE(absl::IsFailedPrecondition(refused)) << refused;
}

TEST_F(ReplicatedTest, NewReplicaBootstrapsFromABackupAndReplaysTheRest) {
  ServerProcess* ingest = StartIngest("ingest");
  ServerProcess* query_a = StartQuery("query-a");
  ASSERT_TRUE(ingest && query_a);
  Load load;
  load.Run("bak", 0, 40, {[&] { return ingest; }});
  ASSERT_EQ(load.count.load(), 40);
  ASSERT_TRUE(Content(*query_a, load.MaxSequence()).ok());  // caught up

  // A backup of replica A, as the CronJob takes it (settings in the
  // environment, deploy/kubernetes/overlays/replicated/backup.yaml); a
  // second one at the same position changes nothing.
  const std::string backups = dir_ + "/backups";
  const std::string command =
      absl::StrCat("CLAIMS_QUERY=", query_a->address(), " CLAIMS_BACKUP_DIR=", backups,
                   " CLAIMS_KEEP=2 ", CLAIMS_CLAIMCTL_BIN, " replica-backup");
  ShellResult made = RunShell(command);
  ASSERT_EQ(made.code, 0) << made.err;
  EXPECT_NE(made.out.find("replica backup of shard 0: log position 41, sequence 40"),
            std::string::npos)
      << made.out;
  ASSERT_EQ(RunShell(command).code, 0);
  ASSERT_EQ(ListReplicaBackups(backups, 0).size(), 1u);

  // More articles after the backup; then a new replica from the backup.
  load.Run("bak", 40, 70, {[&] { return ingest; }});
  ASSERT_EQ(load.count.load(), 70);
  ServerProcess* query_c = StartQuery("query-c", {"--bootstrap_from=file://" + backups});
  ASSERT_NE(query_c, nullptr);
  const uint64_t top = load.MaxSequence();
  ExpectSameDigest(*query_a, *query_c, top);
  ExpectAllPresent(*query_c, load);
  // It replayed only the 30 records after the backup.
  EXPECT_EQ(Metric(*query_c, "claims_log_records_applied_total"), 30);

  // A backup the log no longer reaches back to is refused, never skipped
  // (the stream's retention is cut here through the engine's API).
  ASSERT_TRUE(RunShell(absl::StrCat(CLAIMS_CLAIMCTL_BIN, " replica-backup --query=",
                                    query_c->address(), " --backup_dir=", dir_, "/old"))
                  .code == 0);
  load.Run("bak", 70, 80, {[&] { return ingest; }});
  auto log = ConnectLog();
  ASSERT_NE(log, nullptr);
  absl::Status limited = cluster_->LimitStream("CLAIMS_LOG_0", 5);
  ASSERT_TRUE(limited.ok()) << limited;
  auto state = log->State(0);
  ASSERT_TRUE(state.ok()) << state.status();
  ASSERT_GT(state->first_position, 72u);
  auto refused = BootstrapFromBackup(log.get(), 0, dir_ + "/old", dir_ + "/query-d/replica-0");
  EXPECT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  EXPECT_NE(refused.status().message().find("refusing to skip records 72.."), std::string::npos)
      << refused.status();
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/query-d/replica-0"));
}

TEST_F(ReplicatedTest, StaleWriterIsFencedAndABrokenChainStopsTheReplica) {
  ServerProcess* ingest = StartIngest("ingest");
  ServerProcess* query = StartQuery("query");
  ASSERT_TRUE(ingest && query);
  for (int n = 0; n < 3; ++n) {
    ASSERT_TRUE(Client(ingest, nullptr).IngestArticle(Synthetic("f", n)).ok());
  }
  auto log = ConnectLog();
  ASSERT_NE(log, nullptr);
  auto state = log->State(0);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->last_position, 4u);  // genesis + 3

  // A writer whose view is two records old is fenced (error 10071).
  auto record = logrec::MakeDelete("f-0");
  record.set_writer_seq(2);
  auto stale = log->Append(0, logrec::ArticleKey("f-0"), logrec::Encode(record), 2,
                           "stale-writer-1");
  EXPECT_TRUE(absl::IsAborted(stale.status())) << stale.status();

  // A record that passes the engine's check but not the chain (what an
  // isolated old leader kept in the study) is not applied.
  record.set_writer_seq(4);
  record.set_prev_digest(std::string(32, 'x'));
  auto forged = log->Append(0, logrec::ArticleKey("f-0"), logrec::Encode(record),
                            state->last_position, "forged-1");
  ASSERT_TRUE(forged.ok()) << forged.status();
  EXPECT_TRUE(WaitHealth(*query, false, absl::Seconds(10)));
  EXPECT_EQ(Metric(*query, "claims_log_verify_failures_total"), 1);
  auto article = Client(nullptr, query).GetArticle("f-0", false);
  EXPECT_TRUE(article.ok()) << "the forged delete was applied";
}

// A call to one shard's replica alone (as a router makes them): the
// article, or its status.
grpc::Status GetFromShard(const ServerProcess& query, uint32_t shard, const std::string& id) {
  auto stub = claims::v1::QueryService::NewStub(ClaimsClient::Connect(query.address()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  context.AddMetadata(kShardMetadataKey, absl::StrCat(shard));
  claims::v1::GetArticleRequest request;
  request.set_article_id(id);
  claims::v1::GetArticleResponse response;
  return stub->GetArticle(&context, request, &response);
}

TEST_F(ReplicatedTest, ShardsSpreadArticlesAndEachReplicaHoldsItsShard) {
  ServerProcess* ingest = StartIngest("ingest", {"--shards=2"});
  ServerProcess* shard0 = StartQuery("query-0", {"--shard=0"});
  ServerProcess* shard1 = StartQuery("query-1", {"--shard=1"});
  ASSERT_TRUE(ingest && shard0 && shard1);
  std::map<uint32_t, uint64_t> top;
  std::map<uint32_t, std::set<std::string>> ids;
  for (int n = 0; n < 30; ++n) {
    auto reply = Client(ingest, nullptr).IngestArticle(Synthetic("s", n));
    ASSERT_TRUE(reply.ok()) << reply.status();
    const uint32_t shard = logrec::ShardOf(reply->article_id(), 2);
    EXPECT_EQ(reply->shard(), shard);  // the token says whose sequence it is
    top[shard] = std::max(top[shard], reply->sequence());
    ids[shard].insert(reply->article_id());
  }
  ASSERT_EQ(ids.size(), 2u);
  // Each shard's sequences are its own and dense.
  EXPECT_EQ(top[0], ids[0].size());
  EXPECT_EQ(top[1], ids[1].size());
  ServerProcess* replicas[2] = {shard0, shard1};
  for (uint32_t shard = 0; shard < 2; ++shard) {
    // Waits for the replica (read-your-writes on its own shard).
    ASSERT_TRUE(WaitHealth(*replicas[shard], true, absl::Seconds(30)));
    absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (!GetFromShard(*replicas[shard], shard, *ids[shard].rbegin()).ok() &&
           absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(50));
    }
    for (const std::string& id : ids[shard]) {
      EXPECT_TRUE(GetFromShard(*replicas[shard], shard, id).ok()) << id;
      EXPECT_EQ(GetFromShard(*replicas[shard], shard, *ids[1 - shard].begin()).error_code(),
                grpc::StatusCode::NOT_FOUND);
    }
    // A call for a shard the server does not serve is refused.
    EXPECT_EQ(GetFromShard(*replicas[shard], 1 - shard, "x").error_code(),
              grpc::StatusCode::FAILED_PRECONDITION);
  }
  // Without --shard_peers a server cannot answer for the other shard: it
  // says so instead of answering for its own alone.
  claims::v1::QueryClaimsRequest all;
  auto partial = Client(nullptr, shard0).QueryAll(all);
  EXPECT_TRUE(absl::IsFailedPrecondition(partial.status())) << partial.status();
  EXPECT_THAT(std::string(partial.status().message()), ::testing::HasSubstr("shard 1"));
  // The shard count is fixed: an ingest server asking for another refuses
  // to start.
  auto other = ServerProcess::Start(ServerProcess::kIngest, dir_ + "/other",
                                    LogFlags({"--shards=3"}));
  EXPECT_FALSE(other.ok());
}

// What a query streams, rendered so two deployments compare: every claim
// (less its commit sequence, which is per shard) and its cursor.
std::string Render(const std::vector<claims::v1::QueryClaimsResponse>& items) {
  std::string out;
  for (claims::v1::QueryClaimsResponse item : items) {
    item.mutable_claim()->clear_sequence();
    absl::StrAppend(&out, item.claim().ShortDebugString(), " @", item.cursor(), "\n");
  }
  return out;
}

// The whole answer to `request`, fetched in pages of `page` claims, each
// resumed from the previous page's last cursor.
absl::StatusOr<std::string> Paged(const ServerProcess& query,
                                  claims::v1::QueryClaimsRequest request, uint32_t page) {
  request.set_limit(page);
  std::vector<claims::v1::QueryClaimsResponse> all;
  while (true) {
    auto items = Client(nullptr, &query).QueryAll(request);
    if (!items.ok()) return items.status();
    all.insert(all.end(), items->begin(), items->end());
    if (items->size() < page) return Render(all);
    request.set_cursor(items->back().cursor());
    request.clear_min_sequence();
    request.clear_min_sequence_shard();
    request.clear_min_shard_sequences();
  }
}

// Everything a client can ask of `query` about `ids`, rendered.
absl::StatusOr<std::string> Answers(const ServerProcess& query,
                                    const claims::v1::QueryClaimsRequest& tokens,
                                    const std::vector<std::string>& ids) {
  std::string out;
  claims::v1::QueryClaimsRequest request = tokens;
  for (claims::v1::Order order : {claims::v1::OLDEST_FIRST, claims::v1::NEWEST_FIRST}) {
    request.set_order(order);
    auto all = Client(nullptr, &query).QueryAll(request);
    if (!all.ok()) return all.status();
    absl::StrAppend(&out, "all ", order, ":\n", Render(*all));
    auto paged = Paged(query, request, 7);
    if (!paged.ok()) return paged.status();
    if (*paged != Render(*all)) return absl::InternalError("pages differ from the whole");
  }
  claims::v1::QueryClaimsRequest filtered;
  filtered.add_topics("conflict");
  filtered.add_actors("hamas");
  filtered.set_from("2025-03-05");
  filtered.set_limit(20);
  filtered.set_order(claims::v1::NEWEST_FIRST);
  auto some = Client(nullptr, &query).QueryAll(filtered);
  if (!some.ok()) return some.status();
  absl::StrAppend(&out, "filtered:\n", Render(*some));
  auto topics = Client(nullptr, &query).ListTopics();
  if (!topics.ok()) return topics.status();
  for (const auto& t : topics->topics()) absl::StrAppend(&out, t.id(), "=", t.claim_count(), ";");
  auto actors = Client(nullptr, &query).ListActors("", 0);
  if (!actors.ok()) return actors.status();
  for (const auto& a : actors->actors()) absl::StrAppend(&out, a.id(), "=", a.claim_count(), ";");
  claims::v1::ListArticlesRequest pages;
  pages.set_page_size(9);
  do {
    auto page = Client(nullptr, &query).ListArticles(pages);
    if (!page.ok()) return page.status();
    absl::StrAppend(&out, "\npage:");
    for (const auto& a : page->articles()) absl::StrAppend(&out, " ", a.article().id());
    pages.set_page_token(page->next_page_token());
  } while (!pages.page_token().empty());
  for (const std::string& id : ids) {
    auto article = Client(nullptr, &query).GetArticle(id, true);
    if (!article.ok()) return article.status();
    article->mutable_article()->clear_sequence();
    for (auto& claim : *article->mutable_claims()) claim.clear_sequence();
    absl::StrAppend(&out, "\n", article->ShortDebugString());
  }
  return out;
}

TEST_F(ReplicatedTest, TwoShardsQueriedThroughEitherServerGiveTheSingleShardAnswer) {
  // Two shards, one query replica each, each naming the other.
  const std::string address[2] = {absl::StrCat("127.0.0.1:", PickFreePort()),
                                  absl::StrCat("127.0.0.1:", PickFreePort())};
  const std::string peers =
      absl::StrCat("--shard_peers=0=", address[0], ",1=", address[1]);
  ServerProcess* ingest = StartIngest("ingest", {"--shards=2"});
  ServerProcess* query0 = StartQuery("query-0", {"--shard=0", "--listen=" + address[0], peers});
  ServerProcess* query1 = StartQuery("query-1", {"--shard=1", "--listen=" + address[1], peers});
  // The same articles in a one-shard deployment on streams of its own.
  ServerProcess* single_ingest = StartIngest("single-ingest", {"--log_prefix=SINGLE"});
  ServerProcess* single = StartQuery("single", {"--log_prefix=SINGLE"});
  ASSERT_TRUE(ingest && query0 && query1 && single_ingest && single);

  claims::v1::QueryClaimsRequest sharded_tokens;  // read-your-writes, per shard
  claims::v1::QueryClaimsRequest single_tokens;
  std::vector<std::string> ids;
  for (int n = 0; n < 40; ++n) {
    auto reply = Client(ingest, nullptr).IngestArticle(Synthetic("m", n));
    ASSERT_TRUE(reply.ok()) << reply.status();
    claims::v1::ShardSequence* token = sharded_tokens.add_min_shard_sequences();
    token->set_shard(reply->shard());
    token->set_sequence(reply->sequence());
    auto again = Client(single_ingest, nullptr).IngestArticle(Synthetic("m", n));
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(again->shard(), 0u);
    single_tokens.set_min_sequence(again->sequence());
    ids.push_back(reply->article_id());
  }
  absl::Time start = absl::Now();
  auto expected = Answers(*single, single_tokens, ids);
  const absl::Duration single_took = absl::Now() - start;
  ASSERT_TRUE(expected.ok()) << expected.status();
  EXPECT_GT(expected->size(), 10000u);
  for (ServerProcess* query : {query0, query1}) {
    start = absl::Now();
    auto got = Answers(*query, sharded_tokens, ids);
    ASSERT_TRUE(got.ok()) << query->address() << ": " << got.status();
    EXPECT_EQ(*got, *expected) << "through " << query->address();
    std::cout << "every answer: one shard " << absl::FormatDuration(single_took)
              << ", two shards through " << query->address() << " "
              << absl::FormatDuration(absl::Now() - start) << std::endl;
  }

  // With several shards a bare min_sequence is ambiguous: refused.
  claims::v1::QueryClaimsRequest bare;
  bare.set_min_sequence(1);
  EXPECT_TRUE(absl::IsInvalidArgument(Client(nullptr, query0).QueryAll(bare).status()));

  // A live watch through either server sees the new claims of both
  // shards, and its cursor resumes every shard: a watch from it, on the
  // other server, streams the rest with no repeat and no gap.
  std::map<uint32_t, std::string> fresh;  // shard -> an article id on it
  for (int n = 100; fresh.size() < 2; ++n) {
    fresh.emplace(logrec::ShardOf(absl::StrCat("w-", n), 2), absl::StrCat("w-", n));
  }
  std::mutex mu;
  std::vector<claims::v1::Claim> first;
  std::string cursor;
  grpc::ClientContext first_context;
  first_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  std::thread watcher([&] {
    (void)Client(nullptr, query1).WatchClaims({}, [&](const claims::v1::WatchClaimsResponse& item) {
      std::lock_guard<std::mutex> lock(mu);
      first.push_back(item.claim());
      cursor = item.cursor();
      return first.size() < 3;
    }, &first_context);
  });
  absl::SleepFor(absl::Seconds(1));  // the watch has started
  uint32_t total = 0;
  for (const auto& [shard, id] : fresh) {
    claims::v1::Article article = Synthetic("w", 0);
    article.set_id(id);
    auto reply = Client(ingest, nullptr).IngestArticle(article);
    ASSERT_TRUE(reply.ok()) << reply.status();
    total += reply->claim_count();
  }
  watcher.join();
  ASSERT_EQ(first.size(), 3u);
  ASSERT_GT(total, 3u);
  EXPECT_EQ(cursor.rfind("wm1~", 0), 0u) << cursor;
  claims::v1::WatchClaimsRequest resume;
  resume.set_cursor(cursor);
  grpc::ClientContext rest_context;
  rest_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  std::vector<claims::v1::Claim> rest;
  (void)Client(nullptr, query0).WatchClaims(resume, [&](const claims::v1::WatchClaimsResponse& item) {
    rest.push_back(item.claim());
    return first.size() + rest.size() < total;
  }, &rest_context);
  std::set<std::string> claims, articles;
  for (const auto* part : {&first, &rest}) {
    for (const claims::v1::Claim& claim : *part) {
      EXPECT_TRUE(claims.insert(claim.id()).second) << claim.id() << " streamed twice";
      articles.insert(claim.article_id());
    }
  }
  EXPECT_EQ(claims.size(), total);
  EXPECT_EQ(articles, (std::set<std::string>{fresh[0], fresh[1]}));

  // A shard whose server is down fails the call, naming the shard.
  KillServer("query-1");
  auto down = Client(nullptr, query0).QueryAll({});
  EXPECT_TRUE(absl::IsUnavailable(down.status())) << down.status();
  EXPECT_THAT(std::string(down.status().message()), ::testing::HasSubstr("shard 1"));
}

}  // namespace
}  // namespace claims::testing
