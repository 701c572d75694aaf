// soak: a long mixed load against running servers, reporting latency,
// errors and memory over time. Not a test (see bench/soak.sh).
//
//   soak --ingest=127.0.0.1:50051 --query=127.0.0.1:50052
//        --ingest_pid=123 --query_pid=124 --duration_seconds=600
//
// `--streams` workers (default 50) each run streaming QueryClaims back to
// back (actor, topic, date and combined queries picked from what the store
// holds, limit `--limit`), while one writer ingests synthetic articles at
// `--ingest_per_second`. Every `--report_seconds` a line gives, for that
// interval, queries and ingests done, p50/p99 of a whole query stream and
// of an ingest, errors by code, and both servers' RSS; the end gives the
// same over the whole run as "key value" lines.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "bench/bench_util.h"
#include "bench/corpus_generator.h"
#include "cli/claims_client.h"

ABSL_FLAG(std::string, ingest, "127.0.0.1:50051", "claims-ingest address");
ABSL_FLAG(std::string, query, "127.0.0.1:50052", "claims-query address");
ABSL_FLAG(int, ingest_pid, 0, "pid of claims-ingest, for its RSS (0 = none)");
ABSL_FLAG(int, query_pid, 0, "pid of claims-query, for its RSS (0 = none)");
ABSL_FLAG(int, duration_seconds, 600, "how long to run");
ABSL_FLAG(int, report_seconds, 30, "interval of the progress lines");
ABSL_FLAG(int, streams, 50, "concurrent streaming queries");
ABSL_FLAG(int, connections, 5, "client connections the streams share");
ABSL_FLAG(int, limit, 200, "claims per query at most");
ABSL_FLAG(double, ingest_per_second, 5, "articles ingested per second");
ABSL_FLAG(uint64_t, first_article, 1000000,
          "corpus index of the first ingested article (past the preload)");
ABSL_FLAG(uint64_t, seed, 42, "corpus and workload seed");
ABSL_FLAG(std::string, data_dir, CLAIMS_SOURCE_DATA_DIR,
          "knowledge base the corpus generator draws from");
ABSL_FLAG(std::string, results, "", "append the final key value lines here");

namespace {

using claims::bench::Ms;
using Clock = std::chrono::steady_clock;

// Samples and error counts of one reporting interval, and of the run.
class Recorder {
 public:
  void Query(double ms) { Add(&query_ms_, ms); }
  void Ingest(double ms) { Add(&ingest_ms_, ms); }
  void Error(const std::string& what, const absl::Status& status) {
    std::lock_guard<std::mutex> lock(mu_);
    ++errors_[absl::StrCat(what, ":", absl::StatusCodeToString(status.code()))];
  }

  struct Interval {
    std::vector<double> query_ms, ingest_ms;
    std::map<std::string, int> errors;
  };
  // What was recorded since the last call (also kept for the run).
  Interval Take() {
    std::lock_guard<std::mutex> lock(mu_);
    Interval interval{std::move(query_ms_), std::move(ingest_ms_), std::move(errors_)};
    query_ms_.clear();
    ingest_ms_.clear();
    errors_.clear();
    all_.query_ms.insert(all_.query_ms.end(), interval.query_ms.begin(),
                         interval.query_ms.end());
    all_.ingest_ms.insert(all_.ingest_ms.end(), interval.ingest_ms.begin(),
                          interval.ingest_ms.end());
    for (const auto& [key, n] : interval.errors) all_.errors[key] += n;
    return interval;
  }
  Interval& all() { return all_; }

 private:
  void Add(std::vector<double>* samples, double ms) {
    std::lock_guard<std::mutex> lock(mu_);
    samples->push_back(ms);
  }

  std::mutex mu_;
  std::vector<double> query_ms_, ingest_ms_;
  std::map<std::string, int> errors_;
  Interval all_;
};

// Resident set size in MiB (-1 when unknown).
double RssMib(int pid) {
  if (pid <= 0) return -1;
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024;
  }
  return -1;
}

std::string ErrorsText(const std::map<std::string, int>& errors) {
  if (errors.empty()) return "0";
  std::vector<std::string> parts;
  int total = 0;
  for (const auto& [key, n] : errors) {
    parts.push_back(absl::StrCat(key, "=", n));
    total += n;
  }
  return absl::StrCat(total, " (", absl::StrJoin(parts, ","), ")");
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const uint64_t seed = absl::GetFlag(FLAGS_seed);
  auto generator = claims::bench::CorpusGenerator::Create(
      absl::GetFlag(FLAGS_data_dir), seed);
  if (!generator.ok()) {
    std::cerr << "soak: " << generator.status() << "\n";
    return 1;
  }
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < std::max(1, absl::GetFlag(FLAGS_connections)); ++i) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);  // a connection each
    args.SetMaxReceiveMessageSize(64 << 20);
    channels.push_back(grpc::CreateCustomChannel(
        absl::GetFlag(FLAGS_query), grpc::InsecureChannelCredentials(), args));
  }
  claims::ClaimsClient planner(nullptr, channels[0]);
  auto workload = claims::bench::MakeWorkload(planner, 16, seed, 20);
  if (!workload.ok()) {
    std::cerr << "soak: " << workload.status() << "\n";
    return 1;
  }

  Recorder recorder;
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> claims_read{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < absl::GetFlag(FLAGS_streams); ++w) {
    threads.emplace_back([&, w] {
      claims::ClaimsClient client(nullptr, channels[w % channels.size()]);
      client.set_timeout(absl::Seconds(30));
      for (size_t i = w; !stop; i += absl::GetFlag(FLAGS_streams)) {
        const auto& query = (*workload)[i % workload->size()];
        const auto start = Clock::now();
        uint64_t n = 0;
        absl::Status status = client.QueryClaims(
            claims::bench::ToRequest(query, absl::GetFlag(FLAGS_limit)),
            [&](const auto&) { ++n; return !stop.load(); });
        claims_read += n;
        if (status.ok()) {
          recorder.Query(Ms(start, Clock::now()));
        } else {
          recorder.Error("query", status);
          absl::SleepFor(absl::Milliseconds(50));
        }
      }
    });
  }
  threads.emplace_back([&] {
    claims::ClaimsClient client(claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_ingest)),
                                nullptr);
    client.set_timeout(absl::Seconds(30));
    const absl::Duration every =
        absl::Seconds(1.0 / std::max(0.01, absl::GetFlag(FLAGS_ingest_per_second)));
    absl::Time next = absl::Now();
    for (uint64_t i = absl::GetFlag(FLAGS_first_article); !stop; ++i) {
      absl::SleepFor(next - absl::Now());
      next += every;
      const auto start = Clock::now();
      auto reply = client.IngestArticle((*generator)->Article(i));
      if (reply.ok()) {
        recorder.Ingest(Ms(start, Clock::now()));
      } else {
        recorder.Error("ingest", reply.status());
      }
    }
  });

  const int ingest_pid = absl::GetFlag(FLAGS_ingest_pid);
  const int query_pid = absl::GetFlag(FLAGS_query_pid);
  const absl::Time begin = absl::Now();
  const absl::Time end = begin + absl::Seconds(absl::GetFlag(FLAGS_duration_seconds));
  double max_rss_ingest = 0, max_rss_query = 0;
  std::cout << "t_s  queries  q_p50_ms  q_p99_ms  ingests  i_p50_ms  i_p99_ms"
               "  errors  rss_ingest_mib  rss_query_mib\n";
  for (absl::Time next = begin; next < end;) {
    next = std::min(end, next + absl::Seconds(absl::GetFlag(FLAGS_report_seconds)));
    absl::SleepFor(next - absl::Now());
    Recorder::Interval interval = recorder.Take();
    auto q = claims::bench::Summarize(&interval.query_ms);
    auto in = claims::bench::Summarize(&interval.ingest_ms);
    const double rss_ingest = RssMib(ingest_pid), rss_query = RssMib(query_pid);
    max_rss_ingest = std::max(max_rss_ingest, rss_ingest);
    max_rss_query = std::max(max_rss_query, rss_query);
    std::cout << absl::StrFormat(
                     "%4.0f  %7d  %8.1f  %8.1f  %7d  %8.1f  %8.1f  %s  %.0f  %.0f",
                     absl::ToDoubleSeconds(absl::Now() - begin), q.n, q.p50,
                     q.p99, in.n, in.p50, in.p99, ErrorsText(interval.errors),
                     rss_ingest, rss_query)
              << std::endl;
  }
  stop = true;
  for (std::thread& thread : threads) thread.join();
  recorder.Take();

  claims::bench::ResultLog results(absl::GetFlag(FLAGS_results));
  Recorder::Interval& all = recorder.all();
  const size_t errors = [&] {
    size_t n = 0;
    for (const auto& [key, count] : all.errors) n += count;
    return n;
  }();
  results.Put("soak_seconds", absl::ToDoubleSeconds(absl::Now() - begin));
  results.Put("soak_streams", absl::GetFlag(FLAGS_streams));
  results.Put("soak_claims_read", static_cast<double>(claims_read.load()));
  results.PutPercentiles("soak_query_ms", claims::bench::Summarize(&all.query_ms));
  results.PutPercentiles("soak_ingest_ms", claims::bench::Summarize(&all.ingest_ms));
  results.Put("soak_errors", static_cast<double>(errors));
  results.Put("soak_errors_by_code", ErrorsText(all.errors));
  results.Put("soak_max_rss_ingest_mib", max_rss_ingest);
  results.Put("soak_max_rss_query_mib", max_rss_query);
  return 0;
}
