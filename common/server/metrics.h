// ServerMetrics: the Prometheus registry of one server and its /metrics
// endpoint, with the go-grpc-prometheus metric names dashboards expect:
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type} (histogram)
//   grpc_server_msg_received_total / grpc_server_msg_sent_total
// Services register their own domain metrics on registry().
//
// Thread-safe.
#ifndef CLAIMS_COMMON_SERVER_METRICS_H_
#define CLAIMS_COMMON_SERVER_METRICS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace prometheus {
class Collectable;
class Counter;
class Exposer;
class Registry;
template <typename T>
class Family;
class Histogram;
}  // namespace prometheus

namespace claims {

class ServerMetrics {
 public:
  ServerMetrics();
  ServerMetrics(const ServerMetrics&) = delete;  // owns an HTTP listener
  ServerMetrics& operator=(const ServerMetrics&) = delete;
  ~ServerMetrics();

  // Serves GET /metrics on `address` ("host:port"). UNAVAILABLE if it
  // cannot listen.
  absl::Status Serve(const std::string& address);

  prometheus::Registry& registry() { return *registry_; }

  // Metrics computed when scraped (e.g. database gauges). Call before
  // Serve.
  void AddCollectable(std::shared_ptr<prometheus::Collectable> collectable);

  // `full_method` is "/package.Service/Method"; `type` one of "unary",
  // "client_stream", "server_stream", "bidi_stream"; `code` a gRPC code
  // number.
  void RpcStarted(absl::string_view full_method, absl::string_view type);
  void RpcHandled(absl::string_view full_method, absl::string_view type,
                  int code, double seconds);

  // A method's message counters; looked up once per call, since a stream
  // counts every message.
  struct MessageCounters {
    prometheus::Counter* received;
    prometheus::Counter* sent;
  };
  MessageCounters MessageCountersFor(absl::string_view full_method,
                                     absl::string_view type);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  std::vector<std::shared_ptr<prometheus::Collectable>> collectables_;
  prometheus::Family<prometheus::Counter>* started_;
  prometheus::Family<prometheus::Counter>* handled_;
  prometheus::Family<prometheus::Histogram>* handling_seconds_;
  prometheus::Family<prometheus::Counter>* received_;
  prometheus::Family<prometheus::Counter>* sent_;
};

// go-grpc-prometheus spelling of a gRPC code ("OK", "InvalidArgument", ...).
absl::string_view GrpcCodeName(int code);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_METRICS_H_
