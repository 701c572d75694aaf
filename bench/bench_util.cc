#include "bench/bench_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/sync_stream.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "bench/corpus_generator.h"
#include "cli/claims_client.h"
#include "claims/v1/claims.grpc.pb.h"  // protobuf serialization for gRPC

namespace claims::bench {

absl::Status StreamQueryClaimsRaw(
    grpc::Channel* channel, const claims::v1::QueryClaimsRequest& request,
    double timeout_seconds, const std::function<void(size_t)>& on_message) {
  // The generated stub always decodes; a reader of ByteBuffers on the same
  // method (what the stub does underneath) leaves the bytes as they came.
  static const grpc::internal::RpcMethod kMethod(
      "/claims.v1.QueryService/QueryClaims",
      grpc::internal::RpcMethod::SERVER_STREAMING);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(
                           static_cast<int64_t>(timeout_seconds * 1000)));
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader(
      grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(
          channel, kMethod, &context, request));
  grpc::ByteBuffer message;
  while (reader->Read(&message)) on_message(message.Length());
  grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        status.error_message());
  }
  return absl::OkStatus();
}

absl::StatusOr<KindSamples> SampleKind(
    const std::vector<const Query*>& queries, int runs, int n,
    std::chrono::seconds budget,
    const std::function<absl::Status(const Query&, QueryTiming*)>& run) {
  KindSamples samples;
  if (queries.empty()) return samples;
  const auto start = std::chrono::steady_clock::now();
  auto timed = [&](const Query& q, QueryTiming* timing) {
    absl::Status status = run(q, timing);
    if (absl::IsDeadlineExceeded(status)) {
      ++samples.timeouts;
      return absl::OkStatus();
    }
    return status;
  };
  for (const Query* q : queries) {
    if (std::chrono::steady_clock::now() - start > budget / 4) break;
    QueryTiming warm_up;
    if (absl::Status s = timed(*q, &warm_up); !s.ok()) return s;
  }
  samples.timeouts = 0;
  for (int r = 0; r < runs; ++r) {
    if (r > 0 && std::chrono::steady_clock::now() - start > budget) break;
    QueryTiming timing;
    if (absl::Status s = timed(*queries[r % queries.size()], &timing);
        !s.ok()) {
      return s;
    }
    samples.first_ms.push_back(timing.first_ms);
    samples.nth_ms.push_back(timing.nth_ms);
    if (timing.count >= n) ++samples.reached_n;
  }
  return samples;
}

const std::vector<std::string>& QueryKinds() {
  static const auto* kinds =
      new std::vector<std::string>{"actor", "topic", "date", "combined"};
  return *kinds;
}

absl::Status SaveWorkload(const std::string& path,
                          const std::vector<Query>& queries) {
  std::ofstream out(path);
  for (const Query& q : queries) {
    out << absl::StrJoin({q.kind, q.actor, q.topic, q.from, q.to}, "\t")
        << "\n";
  }
  out.close();
  if (!out) return absl::InternalError(absl::StrCat(path, ": write failed"));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Query>> LoadWorkload(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::vector<Query> queries;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 5) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": want 5 tab-separated fields"));
    }
    queries.push_back(Query{f[0], f[1], f[2], f[3], f[4]});
  }
  return queries;
}

// Picks the workload from what the store holds: actors and topics with
// enough claims for a 100th, month windows over the corpus years, and
// combined actor + top-level topic + two-year windows.
absl::StatusOr<std::vector<Query>> MakeWorkload(ClaimsClient& client,
                                                int per_kind, uint64_t seed,
                                                uint64_t min_claims) {
  auto actors = client.ListActors("", 0);
  if (!actors.ok()) return actors.status();
  std::vector<claims::v1::Actor> popular;
  for (const auto& actor : actors->actors()) {
    if (actor.claim_count() >= min_claims) popular.push_back(actor);
  }
  if (popular.size() < 16) {
    popular.clear();
    for (const auto& actor : actors->actors()) {
      if (actor.claim_count() > 0) popular.push_back(actor);
    }
  }
  std::sort(popular.begin(), popular.end(), [](const auto& a, const auto& b) {
    return a.claim_count() != b.claim_count() ? a.claim_count() > b.claim_count()
                                              : a.id() < b.id();
  });
  auto topics = client.ListTopics();
  if (!topics.ok()) return topics.status();
  std::vector<std::string> topic_ids, top_level;
  for (const auto& topic : topics->topics()) {
    if (topic.claim_count() < min_claims) continue;
    topic_ids.push_back(topic.id());
    if (topic.id().find('/') == std::string::npos) top_level.push_back(topic.id());
  }
  if (popular.empty() || topic_ids.empty() || top_level.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the store holds too few claims for a workload (", popular.size(),
        " actors, ", topic_ids.size(), " topics, ", top_level.size(),
        " top-level topics with ", min_claims, "+ claims); load the corpus first"));
  }
  SplitMix64 rng(seed);
  const absl::CivilDay first(2015, 1, 1);
  const int days = static_cast<int>(absl::CivilDay(2024, 12, 1) - first);
  std::vector<Query> queries;
  for (int i = 0; i < per_kind; ++i) {
    // Spread over the popularity ranking, not just the head.
    const auto& actor = popular[(i * popular.size()) / per_kind];
    queries.push_back({"actor", actor.id(), "", "", ""});
  }
  for (int i = 0; i < per_kind; ++i) {
    queries.push_back({"topic", "", topic_ids[i % topic_ids.size()], "", ""});
  }
  for (int i = 0; i < per_kind; ++i) {
    absl::CivilDay from = first + static_cast<int64_t>(rng.Below(days));
    queries.push_back({"date", "", "", absl::FormatCivilTime(from),
                       absl::FormatCivilTime(from + 30)});
  }
  const size_t head = std::min<size_t>(popular.size(), 16);
  for (int i = 0; i < per_kind; ++i) {
    absl::CivilDay from =
        first + static_cast<int64_t>(rng.Below(days - 2 * 365));
    queries.push_back({"combined", popular[rng.Below(head)].id(),
                       top_level[rng.Below(top_level.size())],
                       absl::FormatCivilTime(from),
                       absl::FormatCivilTime(from + 2 * 365)});
  }
  return queries;
}

claims::v1::QueryClaimsRequest ToRequest(const Query& query, uint32_t limit) {
  claims::v1::QueryClaimsRequest request;
  if (!query.actor.empty()) request.add_actors(query.actor);
  if (!query.topic.empty()) request.add_topics(query.topic);
  request.set_from(query.from);
  request.set_to(query.to);
  request.set_limit(limit);
  request.set_order(claims::v1::OLDEST_FIRST);
  return request;
}

Percentiles Summarize(std::vector<double>* samples) {
  Percentiles p;
  p.n = samples->size();
  if (samples->empty()) return p;
  std::sort(samples->begin(), samples->end());
  auto rank = [&](double q) {
    size_t index = static_cast<size_t>(std::ceil(q * samples->size()));
    return (*samples)[std::min(samples->size() - 1, index == 0 ? 0 : index - 1)];
  };
  p.p50 = rank(0.50);
  p.p90 = rank(0.90);
  p.p99 = rank(0.99);
  p.max = samples->back();
  p.mean = std::accumulate(samples->begin(), samples->end(), 0.0) /
           samples->size();
  return p;
}

void ResultLog::Put(const std::string& key, const std::string& value) {
  std::string line = absl::StrCat(key, " ", value, "\n");
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
  if (path_.empty()) return;
  std::ofstream out(path_, std::ios::app);
  out << line;
}

void ResultLog::Put(const std::string& key, double value) {
  Put(key, std::fabs(value) >= 1000 ? absl::StrFormat("%.0f", value)
                                     : absl::StrFormat("%.4g", value));
}

void ResultLog::PutPercentiles(const std::string& key, const Percentiles& p) {
  Put(key + "_p50", absl::StrFormat("%.3f", p.p50));
  Put(key + "_p99", absl::StrFormat("%.3f", p.p99));
  Put(key + "_max", absl::StrFormat("%.3f", p.max));
  Put(key + "_n", static_cast<double>(p.n));
}

std::vector<std::pair<std::string, std::string>> ReadResults(
    const std::string& path) {
  std::vector<std::pair<std::string, std::string>> results;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv =
        absl::StrSplit(line, absl::MaxSplits(' ', 1));
    if (!kv.first.empty()) results.push_back(std::move(kv));
  }
  return results;
}

}  // namespace claims::bench
