// The one place where internal absl::Status values become gRPC statuses at
// the service edge. Both status spaces share canonical codes, so the mapping
// keeps the code and the message, cut to kMaxStatusMessageBytes: a message
// that quotes a client's input must never grow with it (a status larger
// than the transport's header limit never reaches the client).
#ifndef CLAIMS_COMMON_SERVER_GRPC_STATUS_H_
#define CLAIMS_COMMON_SERVER_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claims {

inline constexpr size_t kMaxStatusMessageBytes = 256;

grpc::Status ToGrpcStatus(const absl::Status& status);

// `message` cut to kMaxStatusMessageBytes at a UTF-8 boundary, with "..."
// when cut.
std::string BoundedStatusMessage(absl::string_view message);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_GRPC_STATUS_H_
