#include "common/server/call_observer.h"

#include <grpcpp/server_context.h>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "prometheus/counter.h"
#include "spdlog/spdlog.h"

namespace claims {
namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::ServerRpcInfo;

absl::string_view TypeName(ServerRpcInfo::Type type) {
  switch (type) {
    case ServerRpcInfo::Type::UNARY:
      return "unary";
    case ServerRpcInfo::Type::CLIENT_STREAMING:
      return "client_stream";
    case ServerRpcInfo::Type::SERVER_STREAMING:
      return "server_stream";
    case ServerRpcInfo::Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unary";
}

class CallObserver : public grpc::experimental::Interceptor {
 public:
  CallObserver(ServerRpcInfo* info, ServerMetrics* metrics)
      : info_(info),
        metrics_(metrics),
        method_(info->method() ? info->method() : ""),
        type_(TypeName(info->type())),
        start_(absl::Now()),
        single_request_(info->type() == ServerRpcInfo::Type::UNARY ||
                        info->type() == ServerRpcInfo::Type::SERVER_STREAMING),
        messages_(metrics->MessageCountersFor(method_, type_)) {
    metrics_->RpcStarted(method_, type_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE)) {
      messages_.received->Increment();
      // gRPC could not parse the request (for instance invalid UTF-8 in a
      // proto3 string field); it would answer INTERNAL with no message.
      // Only calls with a single request can tell this apart: on a client
      // stream "no message" also means the stream ended.
      if (methods->GetRecvMessage() == nullptr && single_request_) {
        unparsable_request_ = true;
      }
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      messages_.sent->Increment();
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      if (unparsable_request_ &&
          (status.ok() || status.error_code() == grpc::StatusCode::INTERNAL)) {
        status = grpc::Status(
            grpc::StatusCode::INVALID_ARGUMENT,
            "request is not a valid message: string fields (such as "
            "article.body) must be valid UTF-8");
        methods->ModifySendStatus(status);
      }
      double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
      metrics_->RpcHandled(method_, type_, status.error_code(), seconds);
      // Health checks are frequent and uninteresting at info level.
      bool routine = absl::StartsWith(method_, "/grpc.health.");
      std::string peer = info_->server_context() != nullptr
                             ? info_->server_context()->peer()
                             : "";
      spdlog::log(routine ? spdlog::level::debug : spdlog::level::info,
                  "rpc method={} code={} latency_ms={:.3f} peer={}", method_,
                  std::string(GrpcCodeName(status.error_code())),
                  seconds * 1e3, peer);
    }
    methods->Proceed();
  }

 private:
  ServerRpcInfo* info_;
  ServerMetrics* metrics_;
  std::string method_;
  absl::string_view type_;
  absl::Time start_;
  const bool single_request_;
  const ServerMetrics::MessageCounters messages_;
  bool unparsable_request_ = false;
};

}  // namespace

grpc::experimental::Interceptor* CallObserverFactory::CreateServerInterceptor(
    ServerRpcInfo* info) {
  return new CallObserver(info, metrics_);
}

}  // namespace claims
