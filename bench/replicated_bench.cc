// Replicated-mode log figures against a running NATS JetStream cluster
// (bench/replicated.sh starts one): append latency through LogWriter (the
// ingest server's appender: unchanged check + compare-and-append + dedup
// id) for R1 and R3 streams, and a query replica's apply rate and catch-up
// time for --records records (LogFollower into a fresh RocksDB).
//
//   replicated_bench --log=nats://127.0.0.1:4222,... --records=100000
//
// Prints "key value" lines. Records are synthetic extraction results of
// about the corpus's shape (a ~2.5 KB body, 10 claims with actors, topics
// and dates), so the apply path does the same index work as real ones.
#include <algorithm>
#include <thread>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log/log_follower.h"
#include "common/log/log_writer.h"
#include "common/log/nats_log.h"
#include "common/log/record.h"

ABSL_FLAG(std::string, log, "", "nats://HOST:PORT[,...] of the cluster");
ABSL_FLAG(int, latency_appends, 2000, "appends timed per replication factor");
ABSL_FLAG(int, records, 100000, "records for the apply / catch-up figure");
ABSL_FLAG(std::string, work_dir, "/tmp", "where the replica database goes");

namespace claims {
namespace {

claims::v1::AnalyzeResponse Synthetic(const std::string& id, int n) {
  static const char* kActors[] = {"benjamin-netanyahu", "donald-trump", "isr",
                                  "usa",  "hamas", "european-union", "irn",
                                  "qat"};
  static const char* kTopics[] = {"conflict/ceasefire", "diplomacy/negotiation",
                                  "conflict/hostages", "economy/trade"};
  claims::v1::AnalyzeResponse a;
  auto* stored = a.mutable_article();
  stored->mutable_article()->set_id(id);
  std::string body;
  while (body.size() < 2500) {
    absl::StrAppend(&body, "Sentence ", body.size(), " of article ", n,
                    " about talks and a ceasefire in the region. ");
  }
  stored->mutable_article()->set_body(body);
  const std::string date =
      absl::StrCat("2024-", 1 + n % 12 < 10 ? "0" : "", 1 + n % 12, "-",
                   10 + n % 18);
  stored->mutable_article()->set_published(date);
  stored->set_effective_published(date);
  stored->set_content_hash(absl::StrCat("hash-", id));
  stored->set_extractor_version("bench");
  for (int c = 0; c < 10; ++c) {
    claims::v1::Claim* claim = a.add_claims();
    claim->set_id(absl::StrCat(id, ":", c));
    claim->set_article_id(id);
    claim->set_type(claims::v1::EVENT);
    claim->set_text(body.substr(c * 200, 150));
    claim->set_start(c * 200);
    claim->set_end(c * 200 + 150);
    claim->add_subjects()->set_id(kActors[(n + c) % 8]);
    claim->add_objects()->set_id(kActors[(n + c + 3) % 8]);
    claim->set_predicate("meet");
    claim->add_topics(kTopics[(n + c) % 4]);
    claim->set_published(date);
    claim->set_event_date(date);
    claim->set_confidence(0.7f);
  }
  return a;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(p / 100.0 * v.size());
  return v[std::min(rank, v.size() - 1)];
}

std::unique_ptr<NatsLog> Connect(int replicas, const std::string& prefix) {
  NatsLogOptions options;
  options.servers = *ParseNatsUrl(absl::GetFlag(FLAGS_log));
  options.replicas = replicas;
  options.stream_prefix = absl::StrCat("BENCH_", prefix, "_");
  options.subject_prefix = absl::StrCat("bench.", prefix);
  auto log = NatsLog::Connect(options);
  if (!log.ok()) {
    std::fprintf(stderr, "connect: %s\n", log.status().ToString().c_str());
    std::exit(1);
  }
  return *std::move(log);
}

void AppendLatency(int replicas) {
  const std::string prefix = absl::StrCat("R", replicas, "_", absl::ToUnixMillis(absl::Now()));
  auto log = Connect(replicas, prefix);
  LogWriter writer(log.get(), LogWriterOptions{});
  absl::Status init = writer.Init();
  if (!init.ok()) {
    std::fprintf(stderr, "init: %s\n", init.ToString().c_str());
    std::exit(1);
  }
  std::vector<double> ms;
  size_t bytes = 0;
  const int n = absl::GetFlag(FLAGS_latency_appends);
  const absl::Time start = absl::Now();
  for (int i = 0; i < n; ++i) {
    auto analysis = Synthetic(absl::StrCat("lat-", i), i);
    if (i == 0) bytes = logrec::Encode(*logrec::MakePut(analysis)).size();
    const absl::Time t = absl::Now();
    auto put = writer.Put(analysis);
    ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - t));
    if (!put.ok()) std::fprintf(stderr, "put: %s\n", put.status().ToString().c_str());
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("append_r%d_record_bytes %zu\n", replicas, bytes);
  std::printf("append_r%d_p50_ms %.3f\n", replicas, Percentile(ms, 50));
  std::printf("append_r%d_p99_ms %.3f\n", replicas, Percentile(ms, 99));
  std::printf("append_r%d_sequential_per_s %.0f\n", replicas, n / seconds);
}

void ApplyRate() {
  const std::string prefix = absl::StrCat("APPLY_", absl::ToUnixMillis(absl::Now()));
  auto log = Connect(3, prefix);
  LogWriter writer(log.get(), LogWriterOptions{});
  if (!writer.Init().ok()) std::exit(1);
  const int n = absl::GetFlag(FLAGS_records);
  // Four appending threads on disjoint articles (each fenced by the
  // others, as several ingest servers would be).
  const absl::Time start = absl::Now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < n; i += 4) {
        auto put = writer.Put(Synthetic(absl::StrCat("apply-", i), i));
        if (!put.ok()) std::fprintf(stderr, "put: %s\n", put.status().ToString().c_str());
      }
    });
  }
  for (auto& t : threads) t.join();
  const double load_s = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("log_load_records %d\nlog_load_seconds %.1f\nlog_load_per_s %.0f\n", n,
              load_s, n / load_s);

  const std::string dir = absl::StrCat(absl::GetFlag(FLAGS_work_dir), "/replica-", prefix);
  LogFollowerOptions options;
  options.replica_dir = dir;
  const absl::Time open = absl::Now();
  auto follower = LogFollower::Open(log.get(), options);
  if (!follower.ok()) std::exit(1);
  while ((*follower)->AppliedSequence() < static_cast<uint64_t>(n)) {
    absl::Status s = (*follower)->CatchUp();
    if (!s.ok() && !(*follower)->Health().ok()) {
      std::fprintf(stderr, "follower: %s\n", s.ToString().c_str());
      std::exit(1);
    }
  }
  const double catch_up_s = absl::ToDoubleSeconds(absl::Now() - open);
  std::printf("replica_catch_up_records %d\nreplica_catch_up_seconds %.1f\n"
              "replica_apply_per_s %.0f\n",
              n, catch_up_s, n / catch_up_s);
  follower->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claims

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  claims::AppendLatency(1);
  claims::AppendLatency(3);
  if (absl::GetFlag(FLAGS_records) > 0) claims::ApplyRate();
  return 0;
}
