// Process-wide logging setup: human-readable lines by default, JSON lines
// (one object per line, for log collectors) with --log_json.
#ifndef CLAIMS_COMMON_SERVER_LOGGING_H_
#define CLAIMS_COMMON_SERVER_LOGGING_H_

#include "absl/strings/string_view.h"

namespace claims {

void InitLogging(absl::string_view program, bool json);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_LOGGING_H_
