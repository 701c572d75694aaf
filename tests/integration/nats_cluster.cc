#include "tests/integration/nats_cluster.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "nats/nats.h"
#include "tests/integration/server_process.h"

namespace claims::testing {

absl::StatusOr<std::string> FindNatsServer() {
  if (const char* env = std::getenv("CLAIMS_NATS_SERVER"); env && *env) {
    return std::string(env);
  }
  std::vector<std::string> dirs = {"/usr/sbin", "/usr/bin", "/usr/local/bin"};
  if (const char* path = std::getenv("PATH")) {
    for (absl::string_view d : absl::StrSplit(path, ':')) dirs.emplace_back(d);
  }
  for (const std::string& d : dirs) {
    const std::string candidate = d + "/nats-server";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return absl::NotFoundError(
      "nats-server is not installed (scripts/bootstrap.sh installs it)");
}

absl::StatusOr<std::unique_ptr<NatsCluster>> NatsCluster::Start(
    int nodes, const NatsClusterOptions& options) {
  absl::StatusOr<std::string> binary = FindNatsServer();
  if (!binary.ok()) return binary.status();
  std::unique_ptr<NatsCluster> cluster(new NatsCluster());
  if (options.namespaces) {
    absl::StatusOr<std::unique_ptr<NamespaceNetwork>> network =
        NamespaceNetwork::Create(nodes);
    if (!network.ok()) return network.status();
    cluster->network_ = *std::move(network);
  }
  cluster->binary_ = *binary;
  cluster->dir_ = MakeTempDir("nats-cluster");
  // Loopback ports are picked free, then bound by the servers: another
  // test may take one in between, and that server exits. Such a start is
  // tried again on other ports.
  constexpr int kAttempts = 3;
  absl::Status launched;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    launched = cluster->Launch(nodes);
    if (launched.ok() || !absl::IsUnavailable(launched)) break;
    cluster->StopAll();
  }
  if (!launched.ok()) return launched;
  return cluster;
}

absl::Status NatsCluster::Launch(int nodes) {
  nodes_.clear();
  for (int i = 0; i < nodes; ++i) {
    Node node;
    node.name = absl::StrCat("n", i + 1);
    if (network_ != nullptr) {
      // A namespace of its own: the standard ports are free.
      node.host = network_->ip(i);
      node.client_port = 4222;
      node.cluster_port = 6222;
      node.http_port = 8222;
    } else {
      node.host = "127.0.0.1";
      node.client_port = PickFreePort();
      node.cluster_port = PickFreePort();
      node.http_port = PickFreePort();
    }
    nodes_.push_back(node);
  }
  std::vector<std::string> routes;
  for (const Node& n : nodes_) {
    routes.push_back(absl::StrCat("nats-route://", n.host, ":", n.cluster_port));
  }
  for (Node& n : nodes_) {
    n.config = absl::StrCat(dir_, "/", n.name, ".conf");
    std::ofstream out(n.config);
    out << "server_name: " << n.name << "\n"
        << "listen: " << n.host << ":" << n.client_port << "\n"
        << "http: " << n.host << ":" << n.http_port << "\n"
        << "max_payload: 8MB\n"
        // A route that one side closed during a cut and the other still
        // holds is found only by missed pings; at the default (2 min, 2
        // missed) the healed node stayed cut off from the stream for
        // minutes. The deployment manifests use 10 s; the suite's cuts
        // last 8 s, so the same three misses at 2 s.
        << "ping_interval: \"2s\"\nping_max: 3\n"
        << "jetstream { store_dir: \"" << dir_ << "/" << n.name << "\" }\n"
        << "cluster { name: claims; listen: " << n.host << ":" << n.cluster_port
        << "; routes: [" << absl::StrJoin(routes, ", ") << "] }\n";
  }
  for (Node& n : nodes_) {
    if (absl::Status s = Spawn(&n); !s.ok()) return s;
  }
  for (Node& n : nodes_) {
    if (absl::Status s = WaitHealthy(n); !s.ok()) return s;
  }
  return absl::OkStatus();
}

void NatsCluster::StopAll() {
  for (int i = 0; i < size(); ++i) Kill(i);
  for (const Node& n : nodes_) {
    std::error_code ec;
    std::filesystem::remove_all(absl::StrCat(dir_, "/", n.name), ec);
  }
}

NatsCluster::~NatsCluster() {
  StopAll();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

std::string NatsCluster::url() const {
  std::vector<std::string> parts;
  for (const Node& n : nodes_) parts.push_back(absl::StrCat(n.host, ":", n.client_port));
  return "nats://" + absl::StrJoin(parts, ",");
}

int NatsCluster::IndexOf(const std::string& name) const {
  for (int i = 0; i < size(); ++i) {
    if (nodes_[i].name == name) return i;
  }
  return -1;
}

absl::Status NatsCluster::Spawn(Node* node) {
  const std::string log = absl::StrCat(dir_, "/", node->name, ".log");
  const int index = static_cast<int>(node - nodes_.data());
  pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (network_ != nullptr && network_->EnterInChild(index) != 0) _exit(126);
    FILE* out = std::freopen(log.c_str(), "a", stderr);
    (void)out;
    execl(binary_.c_str(), binary_.c_str(), "-c", node->config.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  node->pid = pid;
  return absl::OkStatus();
}

absl::Status NatsCluster::WaitHealthy(Node& node) {
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  const std::string address = absl::StrCat(node.host, ":", node.http_port);
  while (absl::Now() < deadline) {
    absl::StatusOr<std::string> body = HttpGet(address, "/healthz");
    if (body.ok() && body->find("\"ok\"") != std::string::npos) {
      return absl::OkStatus();
    }
    // A server that exited (a port taken since it was picked, say) will
    // never be healthy: UNAVAILABLE, with the end of its log.
    if (node.pid > 0 && waitpid(node.pid, nullptr, WNOHANG) == node.pid) {
      node.pid = -1;  // reaped: nothing left to kill
      return absl::UnavailableError(
          absl::StrCat("nats-server ", node.name, " exited: ", LastLogLine(node)));
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  // The folder goes with the cluster: the log's end travels in the error.
  return absl::DeadlineExceededError(absl::StrCat(
      "nats-server ", node.name, " not healthy within 30 s; its log ends: ", LastLogLine(node)));
}

absl::Status NatsCluster::WaitHealthy(int i) { return WaitHealthy(nodes_[i]); }

std::string NatsCluster::LogTail(int i, int lines) const {
  std::ifstream in(absl::StrCat(dir_, "/", nodes_[i].name, ".log"));
  std::deque<std::string> tail;
  std::string line;
  while (std::getline(in, line)) {
    tail.push_back(std::move(line));
    if (static_cast<int>(tail.size()) > lines) tail.pop_front();
  }
  return absl::StrJoin(tail, "\n");
}

std::string NatsCluster::LastLogLine(const Node& node) const {
  std::ifstream in(absl::StrCat(dir_, "/", node.name, ".log"));
  std::string line, last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

void NatsCluster::Kill(int i) {
  Node& node = nodes_[i];
  if (node.pid <= 0) return;
  kill(node.pid, SIGKILL);
  waitpid(node.pid, nullptr, 0);
  node.pid = -1;
}

absl::Status NatsCluster::Restart(int i) {
  Kill(i);
  if (absl::Status s = Spawn(&nodes_[i]); !s.ok()) return s;
  return WaitHealthy(nodes_[i]);
}

absl::Status NatsCluster::Isolate(int i) {
  if (network_ == nullptr) {
    return absl::FailedPreconditionError("a loopback cluster cannot be partitioned");
  }
  return network_->Isolate(i);
}

absl::Status NatsCluster::Heal(int i) {
  if (network_ == nullptr) {
    return absl::FailedPreconditionError("a loopback cluster cannot be partitioned");
  }
  return network_->Heal(i);
}

}  // namespace claims::testing

namespace claims::testing {

absl::Status NatsCluster::LimitStream(const std::string& stream, int64_t max_messages) {
  std::vector<std::string> urls;
  for (const Node& n : nodes_) urls.push_back(absl::StrCat("nats://", n.host, ":", n.client_port));
  std::vector<const char*> servers;
  for (const std::string& u : urls) servers.push_back(u.c_str());
  natsOptions* options = nullptr;
  natsConnection* connection = nullptr;
  jsCtx* js = nullptr;
  jsStreamInfo* info = nullptr;
  jsStreamInfo* updated = nullptr;
  absl::Cleanup release = [&] {
    if (updated) jsStreamInfo_Destroy(updated);
    if (info) jsStreamInfo_Destroy(info);
    if (js) jsCtx_Destroy(js);
    if (connection) natsConnection_Destroy(connection);
    if (options) natsOptions_Destroy(options);
  };
  jsErrCode code = static_cast<jsErrCode>(0);
  if (natsOptions_Create(&options) != NATS_OK ||
      natsOptions_SetServers(options, servers.data(), static_cast<int>(servers.size())) !=
          NATS_OK ||
      natsConnection_Connect(&connection, options) != NATS_OK ||
      natsConnection_JetStream(&js, connection, nullptr) != NATS_OK) {
    return absl::UnavailableError("cannot connect to the cluster");
  }
  if (js_GetStreamInfo(&info, js, stream.c_str(), nullptr, &code) != NATS_OK) {
    return absl::NotFoundError(absl::StrCat("stream ", stream, ": error ", code));
  }
  info->Config->MaxMsgs = max_messages;
  if (js_UpdateStream(&updated, js, info->Config, nullptr, &code) != NATS_OK) {
    return absl::InternalError(absl::StrCat("update ", stream, ": error ", code, " ",
                                            nats_GetLastError(nullptr)));
  }
  return absl::OkStatus();
}

}  // namespace claims::testing
