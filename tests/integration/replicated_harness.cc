#include "tests/integration/replicated_harness.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>

#include "absl/time/clock.h"
#include "claims/v1/claims.grpc.pb.h"
#include "gtest/gtest.h"

namespace claims::testing {

ClaimsClient Client(const ServerProcess* ingest, const ServerProcess* query) {
  ClaimsClient client(ClaimsClient::Connect(ingest ? ingest->address() : "127.0.0.1:1"),
                      ClaimsClient::Connect(query ? query->address() : "127.0.0.1:1"));
  client.set_timeout(absl::Seconds(30));
  return client;
}

// Every claim a replica serves, in order, with its sequence: two replicas
// that converged render the same string.
absl::StatusOr<std::string> Content(const ServerProcess& query, uint64_t min_sequence) {
  ClaimsClient client = Client(nullptr, &query);
  claims::v1::QueryClaimsRequest request;
  request.set_min_sequence(min_sequence);
  auto items = client.QueryAll(request);
  if (!items.ok()) return items.status();
  std::string out;
  for (const auto& item : *items) {
    absl::StrAppend(&out, item.claim().id(), "@", item.claim().sequence(), ":",
                    item.claim().text().size(), ";");
  }
  auto topics = client.ListTopics();
  if (!topics.ok()) return topics.status();
  for (const auto& t : topics->topics()) absl::StrAppend(&out, t.id(), "=", t.claim_count(), ";");
  return out;
}

// The replica's state digest, once it has reached `sequence` (waits).
absl::StatusOr<claims::v1::StateDigestResponse> Digest(const ServerProcess& query,
                                                       uint64_t sequence) {
  auto content = Content(query, sequence);  // waits for the sequence
  if (!content.ok()) return content.status();
  auto stub = claims::v1::QueryService::NewStub(ClaimsClient::Connect(query.address()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  claims::v1::StateDigestResponse response;
  grpc::Status status = stub->StateDigest(&context, {}, &response);
  if (!status.ok()) return absl::UnknownError(status.error_message());
  return response;
}

// Both replicas hold byte-identical databases at `sequence`.
void ExpectSameDigest(const ServerProcess& a, const ServerProcess& b, uint64_t sequence) {
  auto da = Digest(a, sequence);
  auto db = Digest(b, sequence);
  ASSERT_TRUE(da.ok()) << da.status();
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_EQ(da->sequence(), sequence);
  EXPECT_EQ(da->sequence(), db->sequence());
  EXPECT_EQ(da->log_position(), db->log_position());
  EXPECT_GT(da->keys(), 100u);
  EXPECT_EQ(da->digest(), db->digest()) << "replicas diverged at sequence " << sequence;
}

// Waits until `query` reports `want` health (true = SERVING).
bool WaitHealth(const ServerProcess& server, bool want, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    absl::StatusOr<bool> serving = IsServing(server.address());
    if (serving.ok() && *serving == want) return true;
    absl::SleepFor(absl::Milliseconds(100));
  }
  return false;
}

double Metric(const ServerProcess& server, const std::string& name) {
  absl::StatusOr<std::string> body = HttpGet(server.metrics_address(), "/metrics");
  if (!body.ok()) return -1;
  const std::string key = "\n" + name + " ";
  size_t at = body->find(key);
  if (at == std::string::npos) return -1;
  return std::stod(body->substr(at + key.size()));
}

void Load::Run(const std::string& prefix, int from, int to,
               const std::vector<std::function<ServerProcess*()>>& ingests) {
  absl::Time last = absl::Now();
  size_t turn = 0;
  for (int n = from; n < to && !stop.load(); ++n) {
    const absl::Time give_up = absl::Now() + absl::Seconds(60);
    while (absl::Now() < give_up) {
      ServerProcess* server = ingests[turn++ % ingests.size()]();
      if (server == nullptr) continue;
      ClaimsClient client = Client(server, nullptr);
      client.set_timeout(absl::Seconds(25));
      auto reply = client.IngestArticle(Synthetic(prefix, n));
      if (!reply.ok()) {
        ++failed_attempts;
        absl::SleepFor(absl::Milliseconds(100));
        continue;
      }
      std::lock_guard<std::mutex> lock(mu);
      acked[reply->article_id()] = reply->sequence();
      ack_times.push_back(absl::Now());
      longest_gap = std::max(longest_gap, absl::Now() - last);
      last = absl::Now();
      ++count;
      break;
    }
  }
}

uint64_t Load::MaxSequence() {
  std::lock_guard<std::mutex> lock(mu);
  uint64_t m = 0;
  for (const auto& [id, seq] : acked) m = std::max(m, seq);
  return m;
}

absl::Duration Load::LongestGap(absl::Time from, absl::Time to) {
  std::lock_guard<std::mutex> lock(mu);
  absl::Duration longest;
  absl::Time last = from;
  for (absl::Time t : ack_times) {
    if (t <= from) continue;
    if (t > to) break;
    longest = std::max(longest, t - last);
    last = t;
  }
  return std::max(longest, to - last);
}

// Every acknowledged article is on `query`, complete.
int ExpectAllPresent(const ServerProcess& query, Load& load) {
  ClaimsClient client = Client(nullptr, &query);
  std::lock_guard<std::mutex> lock(load.mu);
  int missing = 0;
  for (const auto& [id, seq] : load.acked) {
    auto got = client.GetArticle(id, true);
    if (!got.ok()) {
      ++missing;
      ADD_FAILURE() << id << " (sequence " << seq << ") missing on "
                    << query.address() << ": " << got.status();
    }
  }
  EXPECT_EQ(missing, 0);
  return missing;
}

bool WaitForAll(std::atomic<int>& count, int n, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (count.load() < n && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(20));
  return count.load() >= n;
}

}  // namespace claims::testing
