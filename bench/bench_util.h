// Helpers the benchmark programs share: the query workload (so Claimstore
// and PostgreSQL answer exactly the same queries), percentiles from sorted
// samples, and "key value" result lines that bench/run.sh collects into its
// summary table.
#ifndef CLAIMS_BENCH_BENCH_UTIL_H_
#define CLAIMS_BENCH_BENCH_UTIL_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace grpc {
class Channel;
}
namespace claims {
class ClaimsClient;
}

namespace claims::bench {

// One benchmark query. `kind` is "actor", "topic", "date" or "combined";
// unused fields are empty. Dates are half-open [from, to).
struct Query {
  std::string kind;
  std::string actor;  // actor id
  std::string topic;  // taxonomy id
  std::string from;
  std::string to;
};

// The query kinds in report order.
const std::vector<std::string>& QueryKinds();

// Tab-separated, one query a line: kind, actor, topic, from, to.
absl::Status SaveWorkload(const std::string& path,
                          const std::vector<Query>& queries);
absl::StatusOr<std::vector<Query>> LoadWorkload(const std::string& path);

// Picks `per_kind` queries of each kind from what the store behind
// `client` holds: actors and topics with at least `min_claims` claims (small
// corpora fall back to whatever has claims), month windows over the corpus
// years, and combined actor + top-level topic + two-year windows.
absl::StatusOr<std::vector<Query>> MakeWorkload(ClaimsClient& client,
                                                int per_kind, uint64_t seed,
                                                uint64_t min_claims);

// The QueryClaims request for `query`, oldest first, with `limit`.
claims::v1::QueryClaimsRequest ToRequest(const Query& query, uint32_t limit);

// Streams QueryClaims on `channel` without decoding the responses, calling
// `on_message` with each message's serialized size: the rate a stream
// reaches when the client does no per-message work, so a server is
// compared with the bare gRPC stream on equal terms.
absl::Status StreamQueryClaimsRaw(
    grpc::Channel* channel, const claims::v1::QueryClaimsRequest& request,
    double timeout_seconds, const std::function<void(size_t)>& on_message);

// One timed query: milliseconds to the first and to the n-th result (or to
// the end when fewer came) and how many came.
struct QueryTiming {
  double first_ms = -1;
  double nth_ms = -1;
  int count = 0;
};

// The samples of one query kind.
struct KindSamples {
  std::vector<double> first_ms;
  std::vector<double> nth_ms;
  int reached_n = 0;  // samples with at least n results
  int timeouts = 0;   // samples that hit the query deadline
};

// Samples one query kind the same way for every system: each distinct
// query once as a warm-up (within a quarter of `budget`), then `runs`
// queries cycling over `queries` until `budget` is spent. `run` times one
// query; DEADLINE_EXCEEDED counts as a timeout (its timing is kept), any
// other error ends the sampling with that error.
absl::StatusOr<KindSamples> SampleKind(
    const std::vector<const Query*>& queries, int runs, int n,
    std::chrono::seconds budget,
    const std::function<absl::Status(const Query&, QueryTiming*)>& run);

// Latency samples in milliseconds.
struct Percentiles {
  size_t n = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};
// Nearest-rank percentiles of `samples` (sorted in place).
Percentiles Summarize(std::vector<double>* samples);

// Appends "key value" lines to the file named by `path` (if non-empty) and
// echoes them to stdout.
class ResultLog {
 public:
  explicit ResultLog(std::string path) : path_(std::move(path)) {}
  void Put(const std::string& key, double value);
  void Put(const std::string& key, const std::string& value);
  // key_p50, key_p99, key_max, key_n.
  void PutPercentiles(const std::string& key, const Percentiles& p);

 private:
  std::string path_;
};

// Reads a "key value" result file into (key, value) pairs.
std::vector<std::pair<std::string, std::string>> ReadResults(
    const std::string& path);

// Milliseconds between two steady-clock points.
inline double Ms(std::chrono::steady_clock::time_point a,
                 std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace claims::bench

#endif  // CLAIMS_BENCH_BENCH_UTIL_H_
