#include "common/server/server_runner.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/server/call_observer.h"
#include "grpc/health/v1/health.pb.h"
#include "spdlog/spdlog.h"

namespace claims {
namespace {

sigset_t TerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

absl::Time ServiceContext::DeadlineOf(const grpc::ServerContextBase& call) const {
  if (call.deadline() == std::chrono::system_clock::time_point::max()) {
    return absl::Now() + default_deadline;
  }
  return absl::FromChrono(call.deadline());
}

ServerRunner::ServerRunner(ServerConfig config)
    : config_(std::move(config)),
      stream_slots_(config_.streams) {}

absl::StatusOr<std::unique_ptr<ServerRunner>> ServerRunner::Create(
    ServerConfig config) {
  std::unique_ptr<ServerRunner> runner(new ServerRunner(std::move(config)));
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MakeServerCredentials(runner->config_.tls);
  if (!credentials.ok()) return credentials.status();
  runner->credentials_ = *std::move(credentials);
  absl::StatusOr<std::unique_ptr<BearerAuth>> auth =
      BearerAuth::Create(runner->config_.auth_token_file);
  if (!auth.ok()) return auth.status();
  runner->auth_ = *std::move(auth);
  return runner;
}

ServerRunner::~ServerRunner() {
  if (server_) server_->Shutdown(std::chrono::system_clock::now());
}

void ServerRunner::BlockTerminationSignals() {
  sigset_t set = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void ServerRunner::AddService(grpc::Service* service) {
  services_.push_back(service);
}

absl::StatusOr<int> ServerRunner::Start() {
  // Debian's Abseil is built with mutex deadlock detection on, which keeps
  // a global graph of every lock acquisition (a measurable share of a
  // streaming query's CPU); the servers' lock order is fixed by design.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  grpc::EnableDefaultHealthCheckService(true);
  // gRPC's health service encodes its messages without protobuf, so
  // reflection finds grpc.health.v1.Health in the generated pool only if
  // our compiled health.proto is linked in: naming its descriptor keeps the
  // linker from dropping it from the static library.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(config_.listen, credentials_, &port);
  builder.SetMaxReceiveMessageSize(config_.max_receive_message_bytes);
  builder.SetMaxSendMessageSize(config_.max_send_message_bytes);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(std::make_unique<CallObserverFactory>(&metrics_));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  for (grpc::Service* service : services_) builder.RegisterService(service);
  server_ = builder.BuildAndStart();
  if (!server_ || port == 0) {
    server_.reset();
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config_.listen));
  }
  // Not ready until the owner says the database is open.
  SetServing(false);
  if (!config_.metrics_listen.empty()) {
    absl::Status serving = metrics_.Serve(config_.metrics_listen);
    if (!serving.ok()) return serving;
  }
  return port;
}

std::shared_ptr<grpc::Channel> ServerRunner::InProcessChannel() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);  // the server's send limit bounds replies
  return server_->InProcessChannel(args);
}

void ServerRunner::SetServing(bool serving) {
  if (!server_) return;
  if (serving && drain_.draining()) return;  // a drain is final
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus(serving);
  if (!config_.service_name.empty()) {
    health->SetServingStatus(config_.service_name, serving);
  }
}

void ServerRunner::WaitForTermination() {
  // The signals are blocked in every thread (BlockTerminationSignals), so
  // they are taken here, never by a handler: Shutdown is not
  // async-signal-safe.
  sigset_t set = TerminationSignals();
  int signal_number = 0;
  while (sigwait(&set, &signal_number) != 0) {
  }
  spdlog::info("received signal {}, draining", signal_number);
  SetServing(false);
  drain_.Raise();
  if (server_) {
    auto deadline = std::chrono::system_clock::now() +
                    absl::ToChronoMilliseconds(config_.shutdown_grace);
    server_->Shutdown(deadline);
    server_->Wait();
    server_.reset();
  }
  spdlog::info("server stopped");
}

}  // namespace claims
