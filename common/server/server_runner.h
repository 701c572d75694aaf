// ServerRunner: the gRPC server boilerplate both services share.
//
// Builds a server with the standard services (grpc.health.v1.Health,
// reflection), transport security (TLS/mTLS from files), bearer-token auth,
// Prometheus metrics and a log line per call, listens, and turns
// SIGTERM/SIGINT into an orderly drain: health goes NOT_SERVING, the drain
// flag is raised so streaming handlers end at a resume point, and the server
// shuts down within the grace period.
//
//   ServerRunner::BlockTerminationSignals();   // first thing in main
//   ASSIGN_OR_RETURN(auto runner, ServerRunner::Create(config));
//   MyService service(..., runner->context());
//   runner->AddService(&service);
//   ASSIGN_OR_RETURN(int port, runner->Start());
//   runner->SetServing(true);                  // once the database is open
//   runner->WaitForTermination();              // returns after the drain
#ifndef CLAIMS_COMMON_SERVER_SERVER_RUNNER_H_
#define CLAIMS_COMMON_SERVER_SERVER_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/server/auth.h"
#include "common/server/credentials.h"
#include "common/server/metrics.h"
#include "common/server/stream_slots.h"

namespace claims {

struct ServerConfig {
  std::string listen;            // host:port; port 0 picks a free one
  std::string service_name;      // full gRPC name, for per-service health
  std::string metrics_listen;    // host:port for /metrics; "" = off
  TlsFiles tls;
  std::string auth_token_file;   // "" = no authentication
  absl::Duration shutdown_grace = absl::Seconds(20);
  int max_receive_message_bytes = 16 << 20;
  int max_send_message_bytes = 16 << 20;
  // Streaming calls (queries, bulk loads) at once, per connection, and how
  // long one may block on a client that stopped reading or sending.
  StreamLimits streams;
  // Deadline for calls whose client set none (watches and bulk loads
  // excepted: the idle timeout bounds those).
  absl::Duration default_deadline = absl::Minutes(5);
};

// Raised when the server starts draining; long-running handlers poll it.
class DrainSignal {
 public:
  bool draining() const { return draining_.load(std::memory_order_acquire); }
  void Raise() { draining_.store(true, std::memory_order_release); }

 private:
  std::atomic<bool> draining_{false};
};

// What handlers need from the server around them.
struct ServiceContext {
  const DrainSignal* drain;
  const BearerAuth* auth;
  StreamSlots* stream_slots;
  ServerMetrics* metrics;
  absl::Duration default_deadline;
  StreamLimits stream_limits;
  // Largest message the server sends; replies are trimmed to fit it.
  size_t max_send_message_bytes;

  // The call's deadline, or now + default_deadline when the client set none.
  absl::Time DeadlineOf(const grpc::ServerContextBase& call) const;
};

class ServerRunner {
 public:
  // Loads credentials and the token file.
  static absl::StatusOr<std::unique_ptr<ServerRunner>> Create(
      ServerConfig config);

  ServerRunner(const ServerRunner&) = delete;  // owns the server
  ServerRunner& operator=(const ServerRunner&) = delete;
  ~ServerRunner();

  // Blocks SIGTERM and SIGINT in the calling thread and every thread it
  // creates afterwards, so WaitForTermination can sigwait for them. Call
  // before any thread starts.
  static void BlockTerminationSignals();

  // Not owned; must outlive the runner. Call before Start.
  void AddService(grpc::Service* service);

  // Builds and starts the server and the metrics endpoint; returns the
  // bound port.
  absl::StatusOr<int> Start();

  // A channel to this server's own services that stays inside the process
  // (no socket, no TLS; calls still pass the services' own checks). Call
  // after Start.
  std::shared_ptr<grpc::Channel> InProcessChannel();

  // Sets health for the overall server and the configured service.
  void SetServing(bool serving);

  // Waits for SIGTERM/SIGINT, then drains and shuts down.
  void WaitForTermination();

  ServiceContext context() {
    return {&drain_,
            auth_.get(),
            &stream_slots_,
            &metrics_,
            config_.default_deadline,
            config_.streams,
            static_cast<size_t>(config_.max_send_message_bytes)};
  }
  ServerMetrics& metrics() { return metrics_; }

 private:
  explicit ServerRunner(ServerConfig config);

  ServerConfig config_;
  std::shared_ptr<grpc::ServerCredentials> credentials_;
  std::unique_ptr<BearerAuth> auth_;
  ServerMetrics metrics_;
  StreamSlots stream_slots_;
  std::vector<grpc::Service*> services_;
  std::unique_ptr<grpc::Server> server_;
  DrainSignal drain_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_SERVER_RUNNER_H_
