#include "common/server/raw_message.h"

#include <grpcpp/support/proto_buffer_reader.h>


#include "absl/strings/str_cat.h"

namespace claims {

absl::Status ParseRawMessage(const grpc::ByteBuffer& raw,
                             google::protobuf::MessageLite* message) {
  grpc::ByteBuffer copy(raw);  // shares the slices; the reader consumes it
  grpc::ProtoBufferReader reader(&copy);
  if (!reader.status().ok() || !message->ParseFromZeroCopyStream(&reader)) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a valid ", message->GetTypeName(),
                     " (string fields must be UTF-8)"));
  }
  return absl::OkStatus();
}

grpc::ByteBuffer ToRawMessage(const google::protobuf::MessageLite& message) {
  const size_t size = message.ByteSizeLong();
  grpc::Slice slice(size);
  message.SerializeToArray(const_cast<uint8_t*>(slice.begin()),
                           static_cast<int>(size));
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace claims
