#include "common/server/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <exception>

#include "absl/strings/str_cat.h"

namespace claims {
namespace {

// Prometheus' default buckets, as go-grpc-prometheus uses them.
const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

prometheus::Labels MethodLabels(absl::string_view full_method,
                                absl::string_view type) {
  // "/claims.v1.QueryService/QueryClaims" -> service, method.
  absl::string_view rest = full_method;
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  size_t slash = rest.find('/');
  std::string service(rest.substr(0, slash));
  std::string method(slash == absl::string_view::npos ? ""
                                                      : rest.substr(slash + 1));
  return {{"grpc_service", service},
          {"grpc_method", method},
          {"grpc_type", std::string(type)}};
}

}  // namespace

absl::string_view GrpcCodeName(int code) {
  static constexpr absl::string_view kNames[] = {
      "OK",               "Canceled",          "Unknown",
      "InvalidArgument",  "DeadlineExceeded",  "NotFound",
      "AlreadyExists",    "PermissionDenied",  "ResourceExhausted",
      "FailedPrecondition", "Aborted",         "OutOfRange",
      "Unimplemented",    "Internal",          "Unavailable",
      "DataLoss",         "Unauthenticated"};
  if (code < 0 || code >= static_cast<int>(std::size(kNames))) return "Unknown";
  return kNames[code];
}

ServerMetrics::ServerMetrics()
    : registry_(std::make_shared<prometheus::Registry>()) {
  started_ = &prometheus::BuildCounter()
                  .Name("grpc_server_started_total")
                  .Help("Total number of RPCs started on the server.")
                  .Register(*registry_);
  handled_ = &prometheus::BuildCounter()
                  .Name("grpc_server_handled_total")
                  .Help("Total number of RPCs completed on the server, "
                        "regardless of success or failure.")
                  .Register(*registry_);
  handling_seconds_ =
      &prometheus::BuildHistogram()
           .Name("grpc_server_handling_seconds")
           .Help("Histogram of response latency (seconds) of gRPC that had "
                 "been application-level handled by the server.")
           .Register(*registry_);
  received_ = &prometheus::BuildCounter()
                   .Name("grpc_server_msg_received_total")
                   .Help("Total number of RPC stream messages received on "
                         "the server.")
                   .Register(*registry_);
  sent_ = &prometheus::BuildCounter()
               .Name("grpc_server_msg_sent_total")
               .Help("Total number of gRPC stream messages sent by the server.")
               .Register(*registry_);
}

ServerMetrics::~ServerMetrics() = default;

absl::Status ServerMetrics::Serve(const std::string& address) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(address);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("metrics: cannot listen on ", address, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_);
  for (const auto& collectable : collectables_) {
    exposer_->RegisterCollectable(collectable);
  }
  return absl::OkStatus();
}

void ServerMetrics::AddCollectable(
    std::shared_ptr<prometheus::Collectable> collectable) {
  collectables_.push_back(std::move(collectable));
}

void ServerMetrics::RpcStarted(absl::string_view full_method,
                               absl::string_view type) {
  started_->Add(MethodLabels(full_method, type)).Increment();
}

void ServerMetrics::RpcHandled(absl::string_view full_method,
                               absl::string_view type, int code,
                               double seconds) {
  prometheus::Labels labels = MethodLabels(full_method, type);
  handling_seconds_->Add(labels, kLatencyBuckets).Observe(seconds);
  labels["grpc_code"] = std::string(GrpcCodeName(code));
  handled_->Add(labels).Increment();
}

ServerMetrics::MessageCounters ServerMetrics::MessageCountersFor(
    absl::string_view full_method, absl::string_view type) {
  const prometheus::Labels labels = MethodLabels(full_method, type);
  return {&received_->Add(labels), &sent_->Add(labels)};
}

}  // namespace claims
