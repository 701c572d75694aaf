// ServerProcess: runs a real claims-ingest or claims-query binary on a free
// loopback port with a temp data dir, for black-box tests over gRPC.
//
//   auto ingest = ServerProcess::Start(ServerProcess::kIngest, data_dir);
//   ClaimsClient client(ClaimsClient::Connect((*ingest)->address()), ...);
#ifndef CLAIMS_TESTS_INTEGRATION_SERVER_PROCESS_H_
#define CLAIMS_TESTS_INTEGRATION_SERVER_PROCESS_H_

#include <sys/types.h>

#include <grpcpp/security/credentials.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace claims::testing {

// How many times slower the servers run in a sanitized build (ASan at -O1
// with stack-use-after-return checks): tests that bound a request's time
// scale their bound by it, since they are about growth, not raw speed.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kSanitizerSlowdown = 10;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

class ServerProcess {
 public:
  enum Kind { kIngest, kQuery };

  // Starts the server with --data_dir=`data_dir` (plus `extra_flags`) on a
  // free port (or the one of a --listen in `extra_flags`) and waits until
  // its health check answers SERVING, asked over `credentials` (default:
  // plaintext). With ports of its own choosing it tries up to three times.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      Kind kind, const std::string& data_dir,
      const std::vector<std::string>& extra_flags = {},
      std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

  ServerProcess(const ServerProcess&) = delete;  // owns a child process
  ServerProcess& operator=(const ServerProcess&) = delete;
  // Kills the process if it still runs.
  ~ServerProcess();

  const std::string& address() const { return address_; }
  // host:port of the Prometheus endpoint.
  const std::string& metrics_address() const { return metrics_address_; }
  pid_t pid() const { return pid_; }

  // Sends `signal`; with Wait, returns the exit code (128+signal if killed).
  void Signal(int signal);
  int Wait();

 private:
  // One attempt; sets *exited_early when the server exited before SERVING.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Launch(
      Kind kind, const std::string& data_dir,
      const std::vector<std::string>& extra_flags,
      std::shared_ptr<grpc::ChannelCredentials> credentials, bool* exited_early);

  ServerProcess(pid_t pid, std::string address, std::string metrics_address)
      : pid_(pid),
        address_(std::move(address)),
        metrics_address_(std::move(metrics_address)) {}

  pid_t pid_;
  std::string address_;
  std::string metrics_address_;
  bool reaped_ = false;
  int exit_code_ = 0;
};

// Both servers over one new temporary data dir (removed when destroyed),
// for tests that talk to the pair.
struct ServerPair {
  static absl::StatusOr<std::unique_ptr<ServerPair>> Start(
      const std::string& prefix,
      const std::vector<std::string>& ingest_flags = {});
  ~ServerPair();

  std::string data_dir;
  std::unique_ptr<ServerProcess> ingest;
  std::unique_ptr<ServerProcess> query;
};

// A port on 127.0.0.1 that was free a moment ago.
int PickFreePort();

// A new empty temporary directory.
std::string MakeTempDir(const std::string& prefix);

// Health status of the server at `address` ("" = whole server), asked over
// `credentials` (default: plaintext).
absl::StatusOr<bool> IsServing(
    const std::string& address, const std::string& service = "",
    std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

// Body of GET http://<address><path> (plain HTTP/1.0), or an error.
absl::StatusOr<std::string> HttpGet(const std::string& address,
                                    const std::string& path);

// Contents of a file; empty if unreadable.
std::string ReadFileOrEmpty(const std::string& path);

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_SERVER_PROCESS_H_
