// Debian's Abseil 20220623 is built with its own absl::string_view (not an
// alias of std::string_view), so a std::string_view must be converted
// explicitly before it is passed to absl::StrCat, StrSplit, StartsWith, ...
#ifndef CLAIMS_COMMON_STORE_ABSL_COMPAT_H_
#define CLAIMS_COMMON_STORE_ABSL_COMPAT_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace claims::store_internal {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_ABSL_COMPAT_H_
