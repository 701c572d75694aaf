// CallObserver: a server interceptor that sees every call from start to
// status, to count it in ServerMetrics and to log one line for it (method,
// code, latency, peer). It observes, with one correction: a request gRPC
// could not parse (e.g. invalid UTF-8 in a string field) is answered
// INVALID_ARGUMENT instead of gRPC's bare INTERNAL. gRPC 1.51 interceptors
// cannot reject calls, so authentication is checked in the handlers
// (auth.h).
#ifndef CLAIMS_COMMON_SERVER_CALL_OBSERVER_H_
#define CLAIMS_COMMON_SERVER_CALL_OBSERVER_H_

#include <grpcpp/support/server_interceptor.h>

#include "common/server/metrics.h"

namespace claims {

class CallObserverFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `metrics` must outlive the server.
  explicit CallObserverFactory(ServerMetrics* metrics) : metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  ServerMetrics* metrics_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_CALL_OBSERVER_H_
