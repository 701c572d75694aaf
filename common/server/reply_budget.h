// Reply budget: a reply larger than the server's --max_message_bytes never
// reaches the client, so the replies that grow with their input (Analyze of
// a large body, GetArticle with many claims) are cut to fit and say so.
#ifndef CLAIMS_COMMON_SERVER_REPLY_BUDGET_H_
#define CLAIMS_COMMON_SERVER_REPLY_BUDGET_H_

#include <cstddef>
#include <initializer_list>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace claims {

// Room left for framing and metadata below the message size limit.
inline constexpr size_t kReplyHeadroomBytes = 64 << 10;

// The largest reply body for a server sending at most `max_message_bytes`.
size_t ReplyBudget(size_t max_message_bytes);

// Removes trailing elements of the repeated fields named `fields` of
// `reply`, the same share of each, until the reply is at most `budget`
// bytes or those fields are empty. Returns true when anything was removed.
bool TrimToFit(google::protobuf::Message* reply,
               std::initializer_list<absl::string_view> fields, size_t budget);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_REPLY_BUDGET_H_
