// What the replicated mode's integration suites (replicated_test.cc on a
// loopback cluster, partition_test.cc in network namespaces) share: a
// synthetic article, clients, a bulk load that records every
// acknowledgement, and the end-to-end checks that do not trust the engine:
// every acknowledged article on every replica, equal state digests.
#ifndef CLAIMS_TESTS_INTEGRATION_REPLICATED_HARNESS_H_
#define CLAIMS_TESTS_INTEGRATION_REPLICATED_HARNESS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.pb.h"
#include "cli/claims_client.h"
#include "tests/integration/server_process.h"
#include "tests/integration/synthetic_article.h"

namespace claims::testing {

// A client of `ingest` and/or `query` (nullptr: an address nobody serves).
ClaimsClient Client(const ServerProcess* ingest, const ServerProcess* query);

// Every claim a replica serves, in order, with its sequence, and the topic
// counts, once it has reached `min_sequence`: two replicas that converged
// render the same string.
absl::StatusOr<std::string> Content(const ServerProcess& query, uint64_t min_sequence);

// The replica's state digest, once it has reached `sequence` (waits).
absl::StatusOr<claims::v1::StateDigestResponse> Digest(const ServerProcess& query,
                                                       uint64_t sequence);

// Both replicas hold byte-identical databases at `sequence` (gtest checks).
void ExpectSameDigest(const ServerProcess& a, const ServerProcess& b, uint64_t sequence);

// Waits until `server` reports `want` health (true = SERVING).
bool WaitHealth(const ServerProcess& server, bool want, absl::Duration timeout);

// An unlabelled Prometheus sample of `server`, -1 when absent.
double Metric(const ServerProcess& server, const std::string& name);

// A bulk load through several ingest servers (failing over between them)
// that records every acknowledgement and the longest time without one.
// Thread-safe: Run from one thread, the rest from any.
struct Load {
  std::mutex mu;
  std::map<std::string, uint64_t> acked;  // article id -> sequence
  std::vector<absl::Time> ack_times;       // when each acknowledgement came
  absl::Duration longest_gap;
  std::atomic<int> count{0};
  std::atomic<int> failed_attempts{0};
  // Set to end Run() after the article in flight.
  std::atomic<bool> stop{false};

  // Ingests articles [from, to) through `ingests` in turn; an article that
  // fails is retried on the next server for up to 60 s.
  void Run(const std::string& prefix, int from, int to,
           const std::vector<std::function<ServerProcess*()>>& ingests);
  uint64_t MaxSequence();
  // The longest time without an acknowledgement between `from` and `to`
  // (counting from `from` to the first one): the write outage a client saw.
  absl::Duration LongestGap(absl::Time from, absl::Time to);
};

// Every acknowledged article is on `query`, complete (gtest checks);
// returns how many are missing.
int ExpectAllPresent(const ServerProcess& query, Load& load);

// Waits until `count` reaches `n` or `timeout` passes; true when it did.
bool WaitForAll(std::atomic<int>& count, int n, absl::Duration timeout);

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_REPLICATED_HARNESS_H_
