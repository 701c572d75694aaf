#include "tests/integration/server_process.h"

#include <sys/prctl.h>
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/str_cat.h"
#include "cli/claims_client.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace claims::testing {

namespace {

// Binds a loopback socket to `port` (0: any) and returns the port bound,
// or -1.
int BindLoopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  int bound = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0) {
    socklen_t len = sizeof(addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    bound = ntohs(addr.sin_port);
  }
  close(fd);
  return bound;
}

// The lowest port of the kernel's ephemeral range (the ports it gives
// outgoing connections).
int EphemeralLow() {
  std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
  int low = 0;
  if (!(in >> low) || low <= 12000) return 32768;
  return low;
}

}  // namespace

int PickFreePort() {
  // Below the ephemeral range: a port the kernel picks for bind(0) is one it
  // may also give an outgoing connection (of a test's many gRPC and NATS
  // clients) before the server binds it, and the server then cannot listen.
  static absl::Mutex mu(absl::kConstInit);
  static std::mt19937* rng = nullptr;
  absl::MutexLock lock(&mu);
  if (rng == nullptr) {
    rng = new std::mt19937(static_cast<uint32_t>(std::random_device{}()) ^
                           static_cast<uint32_t>(getpid()));
  }
  const int low = EphemeralLow();
  std::uniform_int_distribution<int> pick(10000, low - 1);
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int port = BindLoopback(pick(*rng));
    if (port > 0) return port;
  }
  return BindLoopback(0);
}

std::string MakeTempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = absl::StrCat(base ? base : "/tmp", "/", prefix, "-XXXXXX");
  std::vector<char> buffer(tmpl.begin(), tmpl.end());
  buffer.push_back('\0');
  char* made = mkdtemp(buffer.data());
  return made ? std::string(made) : std::string();
}

absl::StatusOr<std::string> HttpGet(const std::string& address,
                                    const std::string& path) {
  size_t colon = address.rfind(':');
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(std::stoi(address.substr(colon + 1)));
  inet_pton(AF_INET, address.substr(0, colon).c_str(), &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return absl::UnavailableError(absl::StrCat("cannot connect to ", address));
  }
  std::string request = absl::StrCat("GET ", path, " HTTP/1.0\r\nHost: ",
                                     address, "\r\n\r\n");
  if (write(fd, request.data(), request.size()) !=
      static_cast<ssize_t>(request.size())) {
    close(fd);
    return absl::UnavailableError("short write");
  }
  std::string response;
  char buffer[8192];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) response.append(buffer, n);
  close(fd);
  size_t body = response.find("\r\n\r\n");
  if (body == std::string::npos) return absl::UnavailableError("no HTTP body");
  return response.substr(body + 4);
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<bool> IsServing(
    const std::string& address, const std::string& service,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  auto stub = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
      address, credentials ? credentials : grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(500));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    Kind kind, const std::string& data_dir,
    const std::vector<std::string>& extra_flags,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  bool own_ports = true;
  for (const std::string& flag : extra_flags) {
    if (absl::StartsWith(flag, "--listen=") ||
        absl::StartsWith(flag, "--metrics_listen=")) {
      own_ports = false;
    }
  }
  // A port picked here was free a moment ago; a test running beside this
  // one may take it before the server binds it. A server that exits early
  // is then started again on new ports (a server that cannot start for
  // another reason fails every attempt the same way).
  const int attempts = own_ports ? 3 : 1;
  absl::StatusOr<std::unique_ptr<ServerProcess>> started;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    bool exited_early = false;
    started = Launch(kind, data_dir, extra_flags, credentials, &exited_early);
    if (started.ok() || !exited_early) break;
  }
  return started;
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Launch(
    Kind kind, const std::string& data_dir,
    const std::vector<std::string>& extra_flags,
    std::shared_ptr<grpc::ChannelCredentials> credentials, bool* exited_early) {
  const absl::Duration ready_timeout = absl::Seconds(30);
  const std::string binary = kind == kIngest ? CLAIMS_INGEST_BIN : CLAIMS_QUERY_BIN;
  std::string address = absl::StrCat("127.0.0.1:", PickFreePort());
  std::string metrics_address = absl::StrCat("127.0.0.1:", PickFreePort());
  for (const std::string& flag : extra_flags) {  // a caller's own address wins
    if (absl::StartsWith(flag, "--listen=")) address = flag.substr(9);
    if (absl::StartsWith(flag, "--metrics_listen=")) {
      metrics_address = flag.substr(17);
    }
  }
  std::vector<std::string> args = {binary, "--listen=" + address,
                                   "--data_dir=" + data_dir,
                                   "--metrics_listen=" + metrics_address};
  if (kind == kIngest) args.push_back("--sync_writes=true");
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());

  pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    // Child: the server logs to the test's stderr. A test that dies (a
    // crash, a sanitizer abort) takes its servers with it; left running
    // they would hold CTest's output pipe open until its timeout.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::unique_ptr<ServerProcess> process(new ServerProcess(pid, address, metrics_address));
  absl::Time deadline = absl::Now() + ready_timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      process->reaped_ = true;
      *exited_early = true;
      return absl::InternalError(absl::StrCat(binary, " exited early with status ", status));
    }
    absl::StatusOr<bool> serving = IsServing(address, "", credentials);
    if (serving.ok() && *serving) return process;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return absl::DeadlineExceededError(absl::StrCat(binary, " not SERVING at ", address));
}

ServerProcess::~ServerProcess() {
  if (!reaped_) {
    kill(pid_, SIGKILL);
    Wait();
  }
}

void ServerProcess::Signal(int signal) {
  if (!reaped_) kill(pid_, signal);
}

int ServerProcess::Wait() {
  if (reaped_) return exit_code_;
  int status = 0;
  waitpid(pid_, &status, 0);
  reaped_ = true;
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_code_;
}

absl::StatusOr<std::unique_ptr<ServerPair>> ServerPair::Start(
    const std::string& prefix, const std::vector<std::string>& ingest_flags) {
  auto pair = std::make_unique<ServerPair>();
  pair->data_dir = MakeTempDir(prefix);
  auto ingest = ServerProcess::Start(ServerProcess::kIngest, pair->data_dir,
                                     ingest_flags);
  if (!ingest.ok()) return ingest.status();
  pair->ingest = *std::move(ingest);
  auto query = ServerProcess::Start(ServerProcess::kQuery, pair->data_dir);
  if (!query.ok()) return query.status();
  pair->query = *std::move(query);
  return pair;
}

ServerPair::~ServerPair() {
  query.reset();
  ingest.reset();
  if (!data_dir.empty()) std::filesystem::remove_all(data_dir);
}

}  // namespace claims::testing
