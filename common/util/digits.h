// Fixed-width decimal fields in dates and other machine-written text.
#ifndef CLAIMS_COMMON_UTIL_DIGITS_H_
#define CLAIMS_COMMON_UTIL_DIGITS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace claims {

// Reads exactly `n` ASCII digits of `s` at `pos` into `*out`; false (and
// `*out` untouched) when the text there is shorter or not all digits.
bool ReadDigits(absl::string_view s, size_t pos, size_t n, int* out);

}  // namespace claims

#endif  // CLAIMS_COMMON_UTIL_DIGITS_H_
