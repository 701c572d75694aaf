// NatsCluster: real nats-server processes forming a JetStream cluster on
// loopback ports, each with its own temporary store, for the replicated
// mode's integration tests. Nodes can be killed (-9) and restarted on the
// same store. Every process dies with the test (PR_SET_PDEATHSIG) and is
// killed by PID when the cluster is destroyed.
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

namespace claims::testing {

// The nats-server binary ($CLAIMS_NATS_SERVER, else on PATH or
// /usr/sbin), or NOT_FOUND when it is not installed.
absl::StatusOr<std::string> FindNatsServer();

class NatsCluster {
 public:
  // Starts `nodes` servers and waits until every one reports healthy.
  // NOT_FOUND when nats-server is not installed (tests skip on that only).
  static absl::StatusOr<std::unique_ptr<NatsCluster>> Start(int nodes);
  NatsCluster(const NatsCluster&) = delete;  // owns child processes
  NatsCluster& operator=(const NatsCluster&) = delete;
  ~NatsCluster();

  // nats://127.0.0.1:p1,127.0.0.1:p2,... for --log.
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

 private:
  struct Node {
    std::string name;
    int client_port = 0;
    int cluster_port = 0;
    int http_port = 0;
    std::string config;
    pid_t pid = -1;
  };
  NatsCluster() = default;
  absl::Status Spawn(Node* node);
  absl::Status WaitHealthy(const Node& node);

  std::string binary_;
  std::string dir_;
  std::vector<Node> nodes_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_NATS_CLUSTER_H_
