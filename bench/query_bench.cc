// query_bench: measures a running claims-query (and, for read-your-writes,
// claims-ingest) over gRPC with the client library.
//
//   query_bench --query=127.0.0.1:50052 --ingest=127.0.0.1:50051
//       --workload=queries.tsv --results=results.txt
//
// Phases (--phases, comma-separated):
//   queries  time to the first and to the 100th streamed claim for actor,
//            topic, date-range and combined queries (limit 100, oldest
//            first); the workload is read from --workload, or picked from
//            ListActors/ListTopics and saved there when the file is absent,
//            so pg_compare runs exactly the same queries.
//   export   streams of --export_claims claims (no filter), claims/s and
//            MB/s, read by a typed client (decoding every claim) and by a
//            raw one (no decoding, as grpc_ceiling's raw streams); also saves
//            the average message size and a sample of real messages
//            (--sample_out) for grpc_ceiling.
//   ryw      a steady ingest at --ryw_per_minute articles/min for
//            --ryw_seconds; for each reply the time until QueryClaims with
//            min_sequence = reply.sequence returns the article's first claim
//            (even articles), or until a plain poll sees it (odd articles).
//
// Results are "key value" lines on stdout and appended to --results.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#include <unistd.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "bench/bench_util.h"
#include "bench/corpus_generator.h"
#include "cli/claims_client.h"
#include "common/util/status_macros.h"

ABSL_FLAG(std::string, query, "127.0.0.1:50052", "claims-query address");
ABSL_FLAG(std::string, ingest, "127.0.0.1:50051", "claims-ingest address");
ABSL_FLAG(std::string, phases, "queries,export,ryw", "what to run");
ABSL_FLAG(std::string, workload, "queries.tsv",
          "query workload file (created when absent)");
ABSL_FLAG(std::string, results, "", "append result lines to this file");
ABSL_FLAG(int, queries_per_kind, 64, "distinct queries per kind (new workload)");
ABSL_FLAG(int, runs_per_kind, 500, "timed queries per kind");
ABSL_FLAG(int, first_n, 100, "the 'Nth claim' of the latency measure");
ABSL_FLAG(int, query_timeout_ms, 10000,
          "deadline of one timed query; a query that hits it counts as a "
          "timeout with the deadline as its sample");
ABSL_FLAG(int, kind_budget_seconds, 90,
          "time budget of one query kind (warm-up included): sampling stops "
          "early when it is spent, so slow kinds cannot stall the run");
ABSL_FLAG(uint64_t, export_claims, 100000, "claims in the export stream");
ABSL_FLAG(int, export_runs, 3, "export streams (the median is reported)");
ABSL_FLAG(std::string, sample_out, "",
          "write a sample of real QueryClaimsResponse messages here");
ABSL_FLAG(int, ryw_seconds, 60, "length of the steady ingest");
ABSL_FLAG(int, ryw_per_minute, 1000, "articles per minute of the steady ingest");
ABSL_FLAG(uint64_t, ryw_first, 10000000,
          "corpus index of the first steady-ingest article (past the load)");
ABSL_FLAG(std::string, data_dir, CLAIMS_SOURCE_DATA_DIR,
          "folder with kb/ and taxonomy/ (for the corpus generator)");
ABSL_FLAG(uint64_t, seed, 42, "corpus and workload seed");

namespace {

using claims::bench::Ms;
using claims::bench::Query;
using Clock = std::chrono::steady_clock;


absl::Status RunQueries(claims::ClaimsClient& client,
                        const std::vector<Query>& workload,
                        claims::bench::ResultLog& log) {
  const int n = absl::GetFlag(FLAGS_first_n);
  const int runs = absl::GetFlag(FLAGS_runs_per_kind);
  std::map<std::string, std::vector<const Query*>> by_kind;
  for (const Query& q : workload) by_kind[q.kind].push_back(&q);

  // One query: time to the first and the n-th claim (or to the end when
  // fewer match), and how many came.
  auto run_one = [&](const Query& q,
                     claims::bench::QueryTiming* timing) -> absl::Status {
    const Clock::time_point start = Clock::now();
    absl::Status status = client.QueryClaims(
        claims::bench::ToRequest(q, n),
        [&](const claims::v1::QueryClaimsResponse&) {
          ++timing->count;
          if (timing->count == 1) timing->first_ms = Ms(start, Clock::now());
          if (timing->count == n) timing->nth_ms = Ms(start, Clock::now());
          return true;
        });
    if (timing->nth_ms < 0) timing->nth_ms = Ms(start, Clock::now());
    if (timing->first_ms < 0) timing->first_ms = timing->nth_ms;
    return status;
  };

  client.set_timeout(absl::Milliseconds(absl::GetFlag(FLAGS_query_timeout_ms)));
  const auto budget = std::chrono::seconds(absl::GetFlag(FLAGS_kind_budget_seconds));
  for (const std::string& kind : claims::bench::QueryKinds()) {
    if (by_kind[kind].empty()) continue;
    absl::StatusOr<claims::bench::KindSamples> samples =
        claims::bench::SampleKind(
            by_kind[kind], runs, n, budget, run_one);
    if (!samples.ok()) return samples.status();
    const double done = static_cast<double>(samples->first_ms.size());
    log.PutPercentiles("cs_" + kind + "_first",
                       claims::bench::Summarize(&samples->first_ms));
    log.PutPercentiles("cs_" + kind + "_nth",
                       claims::bench::Summarize(&samples->nth_ms));
    log.Put("cs_" + kind + "_reached_n_pct", 100.0 * samples->reached_n / done);
    log.Put("cs_" + kind + "_timeouts", static_cast<double>(samples->timeouts));
  }
  client.set_timeout(absl::Seconds(120));
  return absl::OkStatus();
}

absl::Status RunExport(claims::ClaimsClient& client,
                       grpc::Channel* query_channel,
                       claims::bench::ResultLog& log) {
  const uint64_t want = absl::GetFlag(FLAGS_export_claims);
  claims::v1::QueryClaimsRequest request;
  request.set_limit(static_cast<uint32_t>(want));
  const int runs = std::max(1, absl::GetFlag(FLAGS_export_runs));
  // Typed: the client decodes every claim, as a user of the generated
  // stubs does.
  std::vector<double> rates, mbs;
  uint64_t bytes = 0, count = 0;
  std::vector<std::string> sample;
  for (int run = 0; run < runs; ++run) {
    bytes = count = 0;
    const Clock::time_point start = Clock::now();
    absl::Status status = client.QueryClaims(
        request, [&](const claims::v1::QueryClaimsResponse& item) {
          ++count;
          bytes += item.ByteSizeLong();
          if (run == 0 && sample.size() < 2000 && count % 37 == 0) {
            sample.push_back(item.SerializeAsString());
          }
          return true;
        });
    const double seconds = Ms(start, Clock::now()) / 1000;
    if (!status.ok()) return status;
    rates.push_back(count / seconds);
    mbs.push_back(bytes / seconds / 1e6);
  }
  std::sort(rates.begin(), rates.end());
  std::sort(mbs.begin(), mbs.end());
  log.Put("cs_export_claims", static_cast<double>(count));
  log.Put("cs_export_claims_per_s", rates[rates.size() / 2]);
  log.Put("cs_export_mb_per_s", mbs[mbs.size() / 2]);
  log.Put("cs_export_avg_message_bytes",
          count == 0 ? 0.0 : static_cast<double>(bytes) / count);
  // Raw: the client leaves the bytes undecoded, as grpc_ceiling's raw
  // streams do, so the figure is the server's streaming rate.
  std::vector<double> raw_rates;
  for (int run = 0; run < runs; ++run) {
    uint64_t raw_count = 0;
    const Clock::time_point start = Clock::now();
    RETURN_IF_ERROR(claims::bench::StreamQueryClaimsRaw(
        query_channel, request, 120, [&](size_t) { ++raw_count; }));
    raw_rates.push_back(raw_count / (Ms(start, Clock::now()) / 1000));
  }
  std::sort(raw_rates.begin(), raw_rates.end());
  log.Put("cs_export_raw_claims_per_s", raw_rates[raw_rates.size() / 2]);
  const std::string path = absl::GetFlag(FLAGS_sample_out);
  if (!path.empty()) {
    // Length-delimited messages, as grpc_ceiling reads them.
    std::ofstream out(path, std::ios::binary);
    for (const std::string& s : sample) {
      uint32_t size = static_cast<uint32_t>(s.size());
      out.write(reinterpret_cast<const char*>(&size), sizeof size);
      out.write(s.data(), s.size());
    }
  }
  return absl::OkStatus();
}

absl::Status RunReadYourWrites(claims::ClaimsClient& client,
                               claims::bench::ResultLog& log) {
  auto generator = claims::bench::CorpusGenerator::Create(
      absl::GetFlag(FLAGS_data_dir), absl::GetFlag(FLAGS_seed));
  if (!generator.ok()) return generator.status();
  const double per_second = absl::GetFlag(FLAGS_ryw_per_minute) / 60.0;
  const int total =
      static_cast<int>(per_second * std::max(1, absl::GetFlag(FLAGS_ryw_seconds)));
  const uint64_t first_index = absl::GetFlag(FLAGS_ryw_first);
  std::vector<double> ack, ryw, poll;
  int late = 0;
  const Clock::time_point start = Clock::now();
  for (int k = 0; k < total; ++k) {
    // An absolute schedule, so a slow call does not lower the rate.
    const Clock::time_point due =
        start + std::chrono::microseconds(static_cast<int64_t>(k * 1e6 / per_second));
    if (Clock::now() > due + std::chrono::milliseconds(20)) ++late;
    std::this_thread::sleep_until(due);
    claims::v1::Article article = (*generator)->Article(first_index + k);
    const Clock::time_point sent = Clock::now();
    auto reply = client.IngestArticle(article);
    const Clock::time_point acked = Clock::now();
    if (!reply.ok()) return reply.status();
    ack.push_back(Ms(sent, acked));
    if (reply->claim_count() == 0) continue;
    claims::v1::QueryClaimsRequest request;
    request.add_article_ids(reply->article_id());
    request.set_limit(1);
    bool seen = false;
    if (k % 2 == 0) {
      request.set_min_sequence(reply->sequence());
      absl::Status status = client.QueryClaims(
          request, [&](const claims::v1::QueryClaimsResponse&) {
            seen = true;
            return false;
          });
      if (!status.ok()) return status;
      if (seen) ryw.push_back(Ms(acked, Clock::now()));
    } else {
      // Bounded poll: 5 s at most.
      for (int attempt = 0; attempt < 5000 && !seen; ++attempt) {
        absl::Status status = client.QueryClaims(
            request, [&](const claims::v1::QueryClaimsResponse&) {
              seen = true;
              return false;
            });
        if (!status.ok()) return status;
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      if (seen) poll.push_back(Ms(acked, Clock::now()));
    }
    if (!seen) return absl::DeadlineExceededError(
        absl::StrCat("article ", reply->article_id(), " never became visible"));
  }
  const double seconds = Ms(start, Clock::now()) / 1000;
  log.Put("ryw_articles", static_cast<double>(total));
  log.Put("ryw_articles_per_min", total / seconds * 60);
  log.Put("ryw_late_starts", static_cast<double>(late));
  log.PutPercentiles("ryw_ack", claims::bench::Summarize(&ack));
  log.PutPercentiles("ryw_min_sequence", claims::bench::Summarize(&ryw));
  log.PutPercentiles("ryw_poll", claims::bench::Summarize(&poll));
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::shared_ptr<grpc::Channel> query_channel =
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_query));
  claims::ClaimsClient client(
      claims::ClaimsClient::Connect(absl::GetFlag(FLAGS_ingest)),
      query_channel);
  client.set_timeout(absl::Seconds(120));
  claims::bench::ResultLog log(absl::GetFlag(FLAGS_results));
  std::vector<std::string> phases = absl::StrSplit(
      absl::GetFlag(FLAGS_phases), ',', absl::SkipEmpty());
  auto has = [&](const char* phase) {
    return std::find(phases.begin(), phases.end(), phase) != phases.end();
  };

  if (has("queries")) {
    const std::string path = absl::GetFlag(FLAGS_workload);
    auto workload = claims::bench::LoadWorkload(path);
    if (!workload.ok()) {
      // Enough claims for an Nth where the store has them.
      workload = claims::bench::MakeWorkload(
          client, absl::GetFlag(FLAGS_queries_per_kind),
          absl::GetFlag(FLAGS_seed), 2 * absl::GetFlag(FLAGS_first_n));
      if (!workload.ok()) {
        std::cerr << "query_bench: workload: " << workload.status() << "\n";
        return 1;
      }
      if (auto saved = claims::bench::SaveWorkload(path, *workload); !saved.ok()) {
        std::cerr << "query_bench: " << saved << "\n";
        return 1;
      }
    }
    if (auto status = RunQueries(client, *workload, log); !status.ok()) {
      std::cerr << "query_bench: queries: " << status << "\n";
      return 1;
    }
  }
  if (has("export")) {
    if (auto status = RunExport(client, query_channel.get(), log); !status.ok()) {
      std::cerr << "query_bench: export: " << status << "\n";
      return 1;
    }
  }
  if (has("ryw")) {
    if (auto status = RunReadYourWrites(client, log); !status.ok()) {
      std::cerr << "query_bench: read-your-writes: " << status << "\n";
      return 1;
    }
  }
  return 0;
}
