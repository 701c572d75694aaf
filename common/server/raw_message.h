// Raw gRPC messages: handlers that take grpc::ByteBuffer parse requests
// themselves, so a message that cannot be parsed (a string field holding
// invalid UTF-8, truncated bytes) gets a clear INVALID_ARGUMENT, for that
// item alone in a stream. For the synchronous unary and server-streaming
// methods CallObserver already turns gRPC's INTERNAL into INVALID_ARGUMENT;
// raw parsing serves where it cannot: the items of a bulk stream (gRPC
// would end the stream silently) and callback methods (UNIMPLEMENTED).
#ifndef CLAIMS_COMMON_SERVER_RAW_MESSAGE_H_
#define CLAIMS_COMMON_SERVER_RAW_MESSAGE_H_

#include <grpcpp/support/byte_buffer.h>

#include "absl/status/status.h"
#include "google/protobuf/message_lite.h"

namespace claims {

// Parses `raw` into `message`; INVALID_ARGUMENT naming the message type
// (never its content) when it is not a valid one.
absl::Status ParseRawMessage(const grpc::ByteBuffer& raw,
                             google::protobuf::MessageLite* message);

// `message` serialized into a buffer gRPC can send.
grpc::ByteBuffer ToRawMessage(const google::protobuf::MessageLite& message);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_RAW_MESSAGE_H_
