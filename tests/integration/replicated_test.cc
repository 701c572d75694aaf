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
#include <map>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

#include "cli/claims_client.h"
#include "common/log/log_writer.h"
#include "common/log/nats_log.h"
#include "common/log/record.h"
#include "gtest/gtest.h"
#include "query_svc/checkpoint_fetch.h"
#include "query_svc/replica_backup.h"
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
    top[shard] = std::max(top[shard], reply->sequence());
    ids[shard].insert(reply->article_id());
  }
  ASSERT_EQ(ids.size(), 2u);
  // Each shard's sequences are its own and dense.
  EXPECT_EQ(top[0], ids[0].size());
  EXPECT_EQ(top[1], ids[1].size());
  ServerProcess* replicas[2] = {shard0, shard1};
  for (uint32_t shard = 0; shard < 2; ++shard) {
    ASSERT_TRUE(Content(*replicas[shard], top[shard]).ok());
    for (const std::string& id : ids[shard]) {
      EXPECT_TRUE(Client(nullptr, replicas[shard]).GetArticle(id, false).ok()) << id;
      EXPECT_FALSE(Client(nullptr, replicas[1 - shard]).GetArticle(id, false).ok()) << id;
    }
  }
  // The shard count is fixed: an ingest server asking for another refuses
  // to start.
  auto other = ServerProcess::Start(ServerProcess::kIngest, dir_ + "/other",
                                    LogFlags({"--shards=3"}));
  EXPECT_FALSE(other.ok());
}

}  // namespace
}  // namespace claims::testing
