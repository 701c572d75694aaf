#include "tests/integration/netns.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/integration/shell.h"

namespace claims::testing {
namespace {

// Every name starts with one of these and carries the owning PID, so a
// later run can tell what a dead test left behind. Interface names are at
// most 15 characters: "clb" + 7 digits, "clv" + 7 digits + "n" + 1 digit.
constexpr char kNetnsPrefix[] = "claims-p";
constexpr char kBridgePrefix[] = "clb";
constexpr char kIp[] = "/usr/sbin/ip";

absl::Status Run(const std::string& command) {
  ShellResult r = RunShell(command);
  if (r.code != 0) {
    return absl::InternalError(absl::StrCat("`", command, "` failed (", r.code, "): ",
                                            absl::StripAsciiWhitespace(r.err)));
  }
  return absl::OkStatus();
}

bool PidAlive(int pid) { return pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH); }

// The PID in "<prefix><digits>..." or -1.
int PidIn(absl::string_view name, absl::string_view prefix) {
  if (!absl::ConsumePrefix(&name, prefix)) return -1;
  size_t digits = 0;
  while (digits < name.size() && absl::ascii_isdigit(name[digits])) ++digits;
  int pid = -1;
  if (digits == 0 || !absl::SimpleAtoi(name.substr(0, digits), &pid)) return -1;
  return pid;
}

// A /24 in 10.213.0.0/16 that no interface here uses yet.
absl::StatusOr<int> FreeSubnet() {
  ShellResult r = RunShell(absl::StrCat(kIp, " -o -4 addr show"));
  if (r.code != 0) return absl::UnavailableError("`ip addr` failed: " + r.err);
  for (int k = 0; k < 250; ++k) {
    const int x = (getpid() + k) % 250 + 1;
    if (!absl::StrContains(r.out, absl::StrCat(" 10.213.", x, "."))) return x;
  }
  return absl::UnavailableError("no free 10.213.X.0/24 subnet");
}

}  // namespace

void NamespaceNetwork::RemoveStale() {
  ShellResult netns = RunShell(absl::StrCat(kIp, " netns list"));
  for (absl::string_view line : absl::StrSplit(netns.out, '\n', absl::SkipEmpty())) {
    const std::string name(absl::StripAsciiWhitespace(line.substr(0, line.find(' '))));
    const int pid = PidIn(name, kNetnsPrefix);
    if (pid > 0 && !PidAlive(pid)) RunShell(absl::StrCat(kIp, " netns del ", name));
  }
  ShellResult links = RunShell(absl::StrCat(kIp, " -o link show type bridge"));
  for (absl::string_view line : absl::StrSplit(links.out, '\n', absl::SkipEmpty())) {
    // "12: clb1234: <BROADCAST,...>"
    std::vector<absl::string_view> parts = absl::StrSplit(line, ": ");
    if (parts.size() < 2) continue;
    const std::string name(absl::StripAsciiWhitespace(parts[1]));
    const int pid = PidIn(name, kBridgePrefix);
    if (pid > 0 && !PidAlive(pid)) RunShell(absl::StrCat(kIp, " link del ", name));
  }
}

absl::StatusOr<std::unique_ptr<NamespaceNetwork>> NamespaceNetwork::Create(int hosts) {
  if (geteuid() != 0) {
    return absl::UnavailableError(
        "network namespaces need root (ip netns, veth, bridge)");
  }
  if (access(kIp, X_OK) != 0) {
    return absl::UnavailableError(absl::StrCat(kIp, " (iproute2) is not installed"));
  }
  RemoveStale();
  const int pid = getpid();
  const std::string probe = absl::StrCat(kNetnsPrefix, pid, "-probe");
  if (absl::Status s = Run(absl::StrCat(kIp, " netns add ", probe)); !s.ok()) {
    return absl::UnavailableError(
        absl::StrCat("network namespaces are not available here: ", s.message()));
  }
  RunShell(absl::StrCat(kIp, " netns del ", probe));
  absl::StatusOr<int> subnet = FreeSubnet();
  if (!subnet.ok()) return subnet.status();
  const std::string prefix = absl::StrCat("10.213.", *subnet, ".");

  std::unique_ptr<NamespaceNetwork> net(new NamespaceNetwork());
  net->bridge_ = absl::StrCat(kBridgePrefix, pid);
  if (absl::Status s = Run(absl::StrCat(kIp, " link add ", net->bridge_, " type bridge && ",
                                        kIp, " addr add ", prefix, "1/24 dev ", net->bridge_,
                                        " && ", kIp, " link set ", net->bridge_, " up"));
      !s.ok()) {
    RunShell(absl::StrCat(kIp, " link del ", net->bridge_));
    net->bridge_.clear();
    return absl::UnavailableError(absl::StrCat("cannot make a bridge here: ", s.message()));
  }
  for (int i = 0; i < hosts; ++i) {
    Host host;
    host.netns = absl::StrCat(kNetnsPrefix, pid, "-n", i + 1);
    host.netns_path = "/var/run/netns/" + host.netns;
    host.veth = absl::StrCat("clv", pid, "n", i + 1);
    host.ip = absl::StrCat(prefix, 11 + i);
    const std::string peer = absl::StrCat("clp", pid, "n", i + 1);
    const std::string in_ns = absl::StrCat(kIp, " netns exec ", host.netns, " ", kIp);
    net->hosts_.push_back(host);  // the destructor removes what exists
    if (absl::Status s = Run(absl::StrCat(
            kIp, " netns add ", host.netns, " && ",
            kIp, " link add ", host.veth, " type veth peer name ", peer, " && ",
            kIp, " link set ", peer, " netns ", host.netns, " && ",
            kIp, " link set ", host.veth, " master ", net->bridge_, " up && ",
            in_ns, " addr add ", host.ip, "/24 dev ", peer, " && ",
            in_ns, " link set ", peer, " up && ",
            in_ns, " link set lo up"));
        !s.ok()) {
      return s;
    }
  }
  return net;
}

NamespaceNetwork::~NamespaceNetwork() {
  for (const Host& host : hosts_) {
    RunShell(absl::StrCat(kIp, " netns del ", host.netns, " 2>/dev/null; ", kIp,
                          " link del ", host.veth, " 2>/dev/null; true"));
  }
  if (!bridge_.empty()) RunShell(absl::StrCat(kIp, " link del ", bridge_));
}

absl::Status NamespaceNetwork::SetLink(int i, bool up) {
  if (absl::Status s = Run(absl::StrCat(kIp, " link set ", hosts_[i].veth, up ? " up" : " down"));
      !s.ok()) {
    return s;
  }
  hosts_[i].isolated = !up;
  return absl::OkStatus();
}

int NamespaceNetwork::EnterInChild(int i) const {
  const int fd = open(hosts_[i].netns_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  const int r = setns(fd, CLONE_NEWNET);
  close(fd);
  return r;
}

}  // namespace claims::testing
