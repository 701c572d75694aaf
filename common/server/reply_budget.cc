#include "common/server/reply_budget.h"

#include <algorithm>
#include <string>

namespace claims {

size_t ReplyBudget(size_t max_message_bytes) {
  return max_message_bytes > 2 * kReplyHeadroomBytes
             ? max_message_bytes - kReplyHeadroomBytes
             : max_message_bytes / 2;
}

bool TrimToFit(google::protobuf::Message* reply,
               std::initializer_list<absl::string_view> fields, size_t budget) {
  const google::protobuf::Descriptor* descriptor = reply->GetDescriptor();
  const google::protobuf::Reflection* reflection = reply->GetReflection();
  bool trimmed = false;
  for (size_t size = reply->ByteSizeLong(); size > budget;
       size = reply->ByteSizeLong()) {
    // Aim a little below the budget so a few rounds suffice.
    const double share = 0.9 * static_cast<double>(budget) / size;
    bool removed = false;
    for (absl::string_view name : fields) {
      const google::protobuf::FieldDescriptor* field =
          descriptor->FindFieldByName(std::string(name));
      if (field == nullptr || !field->is_repeated()) continue;
      const int count = reflection->FieldSize(*reply, field);
      const int keep = std::min(count - 1, static_cast<int>(count * share));
      for (int i = count; i > std::max(keep, 0); --i) {
        reflection->RemoveLast(reply, field);
        removed = true;
      }
    }
    if (!removed) break;
    trimmed = true;
  }
  return trimmed;
}

}  // namespace claims
