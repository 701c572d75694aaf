// The one place where internal absl::Status values become gRPC statuses at
// the service edge. Both status spaces share canonical codes, so the mapping
// keeps the code and the message.
#ifndef CLAIMS_COMMON_SERVER_GRPC_STATUS_H_
#define CLAIMS_COMMON_SERVER_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace claims {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_GRPC_STATUS_H_
