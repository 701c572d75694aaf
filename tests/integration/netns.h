// NamespaceNetwork: a private IPv4 network of Linux network namespaces for
// partition tests. The root namespace (where the test, its ingest and query
// servers run) holds a bridge with 10.213.X.1/24; each host i gets a
// namespace of its own joined to the bridge by a veth pair, with address
// 10.213.X.(11+i). Isolate(i) takes host i's link down (both directions cut
// at once, connections hang rather than reset, as when a node is
// partitioned away); Heal(i) brings it back.
//
//   auto net = NamespaceNetwork::Create(3);
//   if (absl::IsUnavailable(net.status())) GTEST_SKIP() << net.status();
//   ... fork(); in the child: (*net)->EnterInChild(0); execv(...)
//
// Needs root and `ip` (iproute2). Everything made here carries the test's
// PID in its name and is deleted by the destructor; what a killed test left
// behind is deleted by the next Create (RemoveStale). Traffic stays inside
// the bridge: no routes, no NAT, nothing touches the machine's own
// interfaces.
//
// Not thread-safe: one thread sets up, isolates and tears down.
#ifndef CLAIMS_TESTS_INTEGRATION_NETNS_H_
#define CLAIMS_TESTS_INTEGRATION_NETNS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace claims::testing {

class NamespaceNetwork {
 public:
  // Creates the bridge and `hosts` namespaces. UNAVAILABLE (say why; tests
  // skip on it) when not root, `ip` is missing or namespaces cannot be
  // made here; other errors are failures.
  static absl::StatusOr<std::unique_ptr<NamespaceNetwork>> Create(int hosts);
  NamespaceNetwork(const NamespaceNetwork&) = delete;  // owns kernel objects
  NamespaceNetwork& operator=(const NamespaceNetwork&) = delete;
  // Deletes the namespaces (their veths go with them) and the bridge.
  ~NamespaceNetwork();

  int size() const { return static_cast<int>(hosts_.size()); }
  // Host i's address ("10.213.X.11", ...), reachable from the root namespace.
  const std::string& ip(int i) const { return hosts_[i].ip; }
  // Host i's namespace name (`ip netns exec NAME ...`).
  const std::string& netns(int i) const { return hosts_[i].netns; }

  // Cuts host i off the bridge (link down on the root side) / joins it again.
  absl::Status Isolate(int i) { return SetLink(i, false); }
  absl::Status Heal(int i) { return SetLink(i, true); }
  bool isolated(int i) const { return hosts_[i].isolated; }

  // Moves the calling process into host i's namespace. For a forked child
  // before exec: only a system call, no allocation. Returns 0 or -1.
  int EnterInChild(int i) const;

  // Deletes namespaces and bridges a test that died left behind (their
  // names carry a PID that no longer runs).
  static void RemoveStale();

 private:
  struct Host {
    std::string netns;
    std::string netns_path;  // /var/run/netns/<netns>
    std::string veth;        // root side, on the bridge
    std::string ip;
    bool isolated = false;
  };
  NamespaceNetwork() = default;
  absl::Status SetLink(int i, bool up);

  std::string bridge_;
  std::vector<Host> hosts_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_NETNS_H_
