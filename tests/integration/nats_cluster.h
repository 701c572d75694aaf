// NatsCluster: real nats-server processes forming a JetStream cluster,
// each with its own temporary store, for the replicated mode's integration
// tests. By default the nodes listen on loopback ports; with
// `namespaces` each runs in a network namespace of its own
// (NamespaceNetwork, root only) so a test can partition a node away and
// heal it. Nodes can be killed (-9) and restarted on the same store. Every
// process dies with the test (PR_SET_PDEATHSIG) and is killed by PID when
// the cluster is destroyed, before its namespaces are deleted.
//
//   auto cluster = NatsCluster::Start(3);
//   if (absl::IsNotFound(cluster.status())) GTEST_SKIP() << cluster.status();
//   ServerProcess::Start(kIngest, dir, {"--log=" + (*cluster)->url()});
#ifndef CLAIMS_TESTS_INTEGRATION_NATS_CLUSTER_H_
#define CLAIMS_TESTS_INTEGRATION_NATS_CLUSTER_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/integration/netns.h"

namespace claims::testing {

// The nats-server binary ($CLAIMS_NATS_SERVER, else on PATH or
// /usr/sbin), or NOT_FOUND when it is not installed.
absl::StatusOr<std::string> FindNatsServer();

struct NatsClusterOptions {
  // Every node in a network namespace of its own, reachable from the test
  // at 10.213.X.(11+i), fixed ports; Isolate/Heal work. Needs root.
  bool namespaces = false;
};

class NatsCluster {
 public:
  // Starts `nodes` servers and waits until every one reports healthy.
  // NOT_FOUND when nats-server is not installed; with `namespaces`,
  // UNAVAILABLE when namespaces cannot be made here (not root). Tests skip
  // on those only.
  static absl::StatusOr<std::unique_ptr<NatsCluster>> Start(
      int nodes, const NatsClusterOptions& options = {});
  NatsCluster(const NatsCluster&) = delete;  // owns child processes
  NatsCluster& operator=(const NatsCluster&) = delete;
  ~NatsCluster();

  // nats://host1:p1,host2:p2,... for --log.
  std::string url() const;
  // Server name of node `i` ("n1", "n2", ...), as stream info reports it.
  std::string name(int i) const { return nodes_[i].name; }
  int size() const { return static_cast<int>(nodes_.size()); }
  // Index of the node called `name`, -1 if none.
  int IndexOf(const std::string& name) const;

  // SIGKILL of node `i` (waits for it to die).
  void Kill(int i);
  // Starts node `i` again on its store; waits until it is healthy.
  absl::Status Restart(int i);
  // Waits (at most 30 s) until node `i`'s /healthz answers ok: it serves
  // clients and every stream copy it holds is current.
  absl::Status WaitHealthy(int i);
  // The last `lines` lines of node `i`'s log, for a failing test to show.
  std::string LogTail(int i, int lines) const;

  // Namespace clusters only (FAILED_PRECONDITION otherwise): cuts node `i`
  // off from every other node and from the test's servers / joins it again.
  absl::Status Isolate(int i);
  absl::Status Heal(int i);
  // Sets `stream`'s MaxMsgs limit, so JetStream drops its oldest messages
  // (what a retention policy does in production), through the engine's own
  // API: for tests of "the log no longer reaches back that far".
  absl::Status LimitStream(const std::string& stream, int64_t max_messages);

  // The folder with the nodes' stores and logs (<name>.log).
  const std::string& dir() const { return dir_; }

 private:
  struct Node {
    std::string name;
    std::string host;  // the address it listens on
    int client_port = 0;
    int cluster_port = 0;
    int http_port = 0;
    std::string config;
    pid_t pid = -1;
  };
  NatsCluster() = default;
  // Picks ports, writes the configurations, starts `nodes` servers and
  // waits until each is healthy; UNAVAILABLE when one exited.
  absl::Status Launch(int nodes);
  // Kills every node and deletes their stores (logs stay).
  void StopAll();
  absl::Status Spawn(Node* node);
  // UNAVAILABLE when the node exited, DEADLINE_EXCEEDED after 30 s.
  absl::Status WaitHealthy(Node& node);
  std::string LastLogLine(const Node& node) const;

  // Declared first, so destroyed last: after ~NatsCluster killed the nodes.
  std::unique_ptr<NamespaceNetwork> network_;
  std::string binary_;
  std::string dir_;
  std::vector<Node> nodes_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_NATS_CLUSTER_H_
