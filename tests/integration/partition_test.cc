// The partition suite: three nats-server processes, each in a network
// namespace of its own (NatsCluster with namespaces), two ingest servers
// bulk-loading and two query replicas following, all in the test's own
// namespace. Cycle after cycle it cuts one NATS node off the network (the
// stream leader, then a follower, ...), keeps loading through the cut,
// heals it, and at the end checks what the scale-out study says the engine
// cannot be trusted with: every acknowledged article is on every replica,
// the replicas hold byte-identical databases at the log's last position,
// and no replica met (or applied) a gap, a duplicate or a broken chain.
//
// `ctest -L partition`. Needs root (ip netns); skips with the reason when
// not root, without namespaces or without nats-server. Namespaces, the
// bridge and every process are removed by PID when the test ends, fails or
// is interrupted (a later run removes what a killed one left).
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log/nats_log.h"
#include "gtest/gtest.h"
#include "tests/integration/nats_cluster.h"
#include "tests/integration/replicated_harness.h"
#include "tests/integration/server_process.h"

namespace claims::testing {
namespace {

// Four cycles (leader, follower, leader, follower) of this long each keep
// the suite near two minutes on the two-core CI machine.
constexpr int kCycles = 4;
constexpr absl::Duration kIsolation = absl::Seconds(8);
// Acknowledged articles to see between cuts (the cluster has recovered).
constexpr int kProgress = 10;
// nats-server 2.9.10 (Debian 12) does not always recover from a heal in
// seconds: its logs then show "Error applying entries ... last sequence
// mismatch" and "Resetting stream cluster state", and a new stream leader
// can commit nothing for one to four minutes (no acknowledged write was
// lost in those runs). The suite is about what the engine guarantees, so a
// cut begins only once the load has made progress since the last heal
// (within kProgressBudget); a cluster that has not is cut no more, and the
// checks wait up to kRecoveryBudget more for it (so does a stall after the
// last heal). One that never recovers fails the suite: nothing
// acknowledged could be checked.
constexpr absl::Duration kProgressBudget = absl::Minutes(2);
constexpr absl::Duration kRecoveryBudget = absl::Minutes(5);

class PartitionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NatsClusterOptions options;
    options.namespaces = true;
    auto cluster = NatsCluster::Start(3, options);
    if (absl::IsNotFound(cluster.status()) || absl::IsUnavailable(cluster.status())) {
      GTEST_SKIP() << "partition suite skipped: " << cluster.status().message();
    }
    ASSERT_TRUE(cluster.ok()) << cluster.status();
    cluster_ = *std::move(cluster);
    dir_ = MakeTempDir("partition-test");
  }
  void TearDown() override {
    // What the nodes said last is what explains a cluster that never
    // recovered; the folder with their logs goes with the cluster.
    if (HasFailure() && cluster_ != nullptr) {
      for (int i = 0; i < cluster_->size(); ++i) {
        std::cerr << "--- " << cluster_->name(i) << " log, last lines:\n"
                  << cluster_->LogTail(i, 40) << "\n";
      }
    }
    servers_.clear();
    log_.reset();
    cluster_.reset();  // kills the nodes, then deletes the namespaces
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  ServerProcess* Start(ServerProcess::Kind kind, const std::string& name) {
    auto p = ServerProcess::Start(kind, dir_ + "/" + name, {"--log=" + cluster_->url()});
    EXPECT_TRUE(p.ok()) << name << ": " << p.status();
    if (!p.ok()) return nullptr;
    servers_[name] = *std::move(p);
    return servers_[name].get();
  }

  // The node leading shard 0's stream, asked until the cluster answers.
  int Leader() {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (absl::Now() < deadline) {
      absl::StatusOr<std::string> leader = log_->Leader(0);
      if (leader.ok() && cluster_->IndexOf(*leader) >= 0) {
        return cluster_->IndexOf(*leader);
      }
      absl::SleepFor(absl::Milliseconds(200));
    }
    return -1;
  }

  // Waits (at most `budget`) until every node says it is healthy (its
  // stream copies current, by its own /healthz) and then the stream's leader
  // reports every other copy online, current and without lag: a cut then
  // takes one node from a cluster in step. Cutting the leader while the
  // node healed just before is still catching up leaves no quorum of
  // current copies, and the stream can stay leaderless for minutes: a
  // double fault, not the single one this suite is about (a run that cut
  // the leader 30 s after a follower's heal, the follower still unhealthy,
  // stalled for good). False when a node is not healthy within `budget`:
  // then no cut is made. The leader's report is best effort (30 s): its
  // word is shown, never trusted (NatsLog::StreamStatus).
  bool WaitInStep(absl::Duration budget) {
    const absl::Time deadline = absl::Now() + budget;
    for (int i = 0; i < cluster_->size(); ++i) {
      absl::Status s = cluster_->WaitHealthy(i);
      while (!s.ok() && absl::Now() < deadline) s = cluster_->WaitHealthy(i);
      if (!s.ok()) {
        std::cerr << "before the cut: " << s << "\n";
        return false;
      }
    }
    const absl::Time reported = absl::Now() + absl::Seconds(30);
    while (absl::Now() < reported) {
      absl::StatusOr<NatsLog::StreamStatus> status = log_->Status(0);
      if (status.ok() && !status->leader.empty() &&
          static_cast<int>(status->peers.size()) + 1 >= cluster_->size() &&
          std::all_of(status->peers.begin(), status->peers.end(),
                      [](const NatsLog::StreamStatus::Peer& p) {
                        return p.current && !p.offline && p.lag == 0;
                      })) {
        return true;
      }
      absl::SleepFor(absl::Milliseconds(200));
    }
    std::cerr << "before the cut: the stream's leader did not report every copy current "
                 "within 30 s\n";
    return true;
  }

  // The shard's last position once the log holds sequence `want`, or the
  // last answer seen when it never does within 60 s. Right after a heal an
  // ex-leader may still answer stream info from the state it had when cut
  // off, so one answer below `want` is asked again, not believed.
  uint64_t LastPosition(uint64_t want) {
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    uint64_t last = 0;
    while (absl::Now() < deadline) {
      absl::StatusOr<ShardState> state = log_->State(0);
      if (state.ok()) {
        last = state->last_position;
        if (last >= want) return last;
      }
      absl::SleepFor(absl::Milliseconds(200));
    }
    return last;
  }

  std::unique_ptr<NatsCluster> cluster_;
  std::unique_ptr<NatsLog> log_;
  std::string dir_;
  std::map<std::string, std::unique_ptr<ServerProcess>> servers_;
};

// Waits until `query` has applied log position `position`.
bool WaitApplied(const ServerProcess& query, uint64_t position, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    if (Metric(query, "claims_log_applied_position") >= static_cast<double>(position)) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  return false;
}

TEST_F(PartitionTest, IsolatingTheLeaderOrAFollowerLosesNoAcknowledgedArticle) {
  const absl::Time started = absl::Now();
  ServerProcess* ingest_a = Start(ServerProcess::kIngest, "ingest-a");
  ServerProcess* ingest_b = Start(ServerProcess::kIngest, "ingest-b");
  ServerProcess* query_a = Start(ServerProcess::kQuery, "query-a");
  ServerProcess* query_b = Start(ServerProcess::kQuery, "query-b");
  ASSERT_TRUE(ingest_a && ingest_b && query_a && query_b);
  NatsLogOptions options;
  options.servers = *ParseNatsUrl(cluster_->url());
  auto log = NatsLog::Connect(options);
  ASSERT_TRUE(log.ok()) << log.status();
  log_ = *std::move(log);

  Load load;
  std::thread loader([&] {
    load.Run("part", 0, 1 << 20, {[&] { return ingest_a; }, [&] { return ingest_b; }});
  });
  // Whatever fails below, the loader stops before the servers do.
  absl::Cleanup stop_loader = [&] {
    load.stop = true;
    if (loader.joinable()) loader.join();
  };

  struct Cycle {
    std::string role;
    std::string node;
    absl::Time cut_at;
    absl::Duration cut_for;  // at least kIsolation, plus asking for the leader
    int acked_during = 0;
    std::string leader_during;  // the stream leader at the cut's end
  };
  std::vector<Cycle> cycles;
  // Whether the load made progress within `budget`; said when it did not,
  // with where the run was.
  auto progress = [&](const char* when, absl::Duration budget) {
    const int want = load.count.load() + kProgress;
    if (WaitForAll(load.count, want, budget)) return true;
    std::cerr << "no " << kProgress << " acknowledgements within "
              << absl::FormatDuration(budget) << " " << when << " (" << load.count.load()
              << " acknowledged, " << load.failed_attempts.load() << " failed attempts so far, "
              << absl::FormatDuration(absl::Now() - started) << " into the run)\n";
    return false;
  };
  ASSERT_TRUE(progress("before the first cut", kProgressBudget)) << "the cluster never took a write";
  bool stalled = false;
  for (int c = 0; c < kCycles; ++c) {
    if (c > 0 && !progress("after a heal", kProgressBudget)) {
      std::cerr << "the cluster has not recovered: no more cuts\n";
      stalled = true;
      break;
    }
    if (!WaitInStep(kProgressBudget)) {
      std::cerr << "the cluster is not in step: no more cuts\n";
      stalled = true;
      break;
    }
    const int leader = Leader();
    ASSERT_GE(leader, 0) << "no stream leader within 30 s";
    Cycle cycle;
    cycle.role = c % 2 == 0 ? "leader" : "follower";
    const int victim = c % 2 == 0 ? leader : (leader + 1 + c / 2) % cluster_->size();
    cycle.node = cluster_->name(victim);
    const int before = load.count.load();
    cycle.cut_at = absl::Now();
    ASSERT_TRUE(cluster_->Isolate(victim).ok());
    absl::SleepFor(kIsolation);
    cycle.acked_during = load.count.load() - before;
    const int leader_during = Leader();
    cycle.leader_during = leader_during >= 0 ? cluster_->name(leader_during) : "none";
    ASSERT_TRUE(cluster_->Heal(victim).ok());
    cycle.cut_for = absl::Now() - cycle.cut_at;
    std::cerr << "cycle " << c + 1 << ": " << cycle.role << " " << cycle.node << " healed, "
              << cycle.acked_during << " acknowledged while cut, leader then "
              << cycle.leader_during << "\n";
    cycles.push_back(cycle);
  }
  // The load must resume: within kProgressBudget of the last heal, or, a
  // cluster that stalls (then or before), within kRecoveryBudget more.
  bool resumed = progress("after the last heal", kProgressBudget);
  if (!resumed) {
    stalled = true;
    resumed = progress("while the cluster recovers", kRecoveryBudget);
  }
  EXPECT_TRUE(resumed) << "the cluster did not take writes again after the last heal";
  const absl::Time load_end = absl::Now();
  std::move(stop_loader).Invoke();
  for (size_t c = 0; c < cycles.size(); ++c) {
    // Outage: the longest time without an acknowledgement from the cut
    // until the next cut (or the end), which includes the heal.
    const absl::Time until = c + 1 < cycles.size() ? cycles[c + 1].cut_at : load_end;
    const absl::Duration gap = load.LongestGap(cycles[c].cut_at, until);
    std::cerr << "cycle " << c + 1 << ": isolated " << cycles[c].role << " "
              << cycles[c].node << " for "
              << absl::FormatDuration(absl::Trunc(cycles[c].cut_for, absl::Milliseconds(100)))
              << ", " << cycles[c].acked_during << " articles acknowledged meanwhile, longest"
              << " write gap " << absl::FormatDuration(absl::Trunc(gap, absl::Milliseconds(1)))
              << ", leader then " << cycles[c].leader_during << "\n";
  }

  // Acknowledgements: one sequence each, never two articles on one.
  std::set<uint64_t> sequences;
  for (const auto& [id, seq] : load.acked) sequences.insert(seq);
  EXPECT_EQ(sequences.size(), load.acked.size()) << "two articles acknowledged at one sequence";

  // Every replica reaches the log's last position, verified all the way.
  const uint64_t acked_max = load.MaxSequence();
  const uint64_t last = LastPosition(acked_max);
  ASSERT_GE(last, acked_max) << "the log ends below an acknowledged sequence";
  EXPECT_TRUE(WaitApplied(*query_a, last, absl::Seconds(60))) << "query-a stuck below " << last;
  EXPECT_TRUE(WaitApplied(*query_b, last, absl::Seconds(60))) << "query-b stuck below " << last;
  EXPECT_EQ(Metric(*query_a, "claims_log_verify_failures_total"), 0);
  EXPECT_EQ(Metric(*query_b, "claims_log_verify_failures_total"), 0);
  EXPECT_TRUE(WaitHealth(*query_a, true, absl::Seconds(10)));
  EXPECT_TRUE(WaitHealth(*query_b, true, absl::Seconds(10)));

  // Same content, byte for byte, and nothing acknowledged is missing.
  auto digest_a = Digest(*query_a, load.MaxSequence());
  auto digest_b = Digest(*query_b, load.MaxSequence());
  ASSERT_TRUE(digest_a.ok()) << digest_a.status();
  ASSERT_TRUE(digest_b.ok()) << digest_b.status();
  EXPECT_EQ(digest_a->log_position(), last);
  EXPECT_EQ(digest_b->log_position(), last);
  EXPECT_EQ(digest_a->sequence(), digest_b->sequence());
  // Dense: every record after the genesis is the next writer sequence (a
  // record applied twice or skipped would show here, had verification
  // missed it).
  EXPECT_EQ(digest_a->sequence(), last - 1);
  EXPECT_GE(digest_a->sequence(), load.MaxSequence());
  EXPECT_EQ(digest_a->digest(), digest_b->digest()) << "replicas diverged";
  const int lost_a = ExpectAllPresent(*query_a, load);
  const int lost_b = ExpectAllPresent(*query_b, load);

  std::cerr << "partition run: " << cycles.size() << " cycles" << (stalled ? " (stalled)" : "")
            << ", " << load.acked.size()
            << " acknowledged, " << std::max(lost_a, lost_b) << " lost, "
            << load.failed_attempts.load() << " failed attempts (retried), longest write gap "
            << absl::FormatDuration(load.longest_gap) << ", log position " << last
            << ", replica sequence " << digest_a->sequence() << ", "
            << absl::FormatDuration(absl::Now() - started) << "\n";
}

}  // namespace
}  // namespace claims::testing
