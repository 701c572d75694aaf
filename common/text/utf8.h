// UTF-8 helpers: validation of untrusted text, decoding, and conversion of
// byte offsets to code-point offsets (what the evaluation format uses).
#ifndef CLAIMS_COMMON_TEXT_UTF8_H_
#define CLAIMS_COMMON_TEXT_UTF8_H_

#include <cstddef>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"

namespace claims::text {

// OK when `s` is well-formed UTF-8 holding no binary data: no NUL and no C0/C1
// control characters other than tab, line feed, carriage return and form
// feed. Otherwise INVALID_ARGUMENT naming `what` and the byte offset.
[[nodiscard]] absl::Status ValidateText(absl::string_view s,
                                        absl::string_view what);

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; sets *len
// to its byte length. Returns U+FFFD for ill-formed input (len >= 1).
char32_t DecodeAt(absl::string_view s, size_t i, size_t* len);

// Code point just before byte `i` (0 when i == 0); sets *len.
char32_t DecodeBefore(absl::string_view s, size_t i, size_t* len);

// Maps byte offsets of a UTF-8 string to code-point indices.
class CodePointIndex {
 public:
  explicit CodePointIndex(absl::string_view s);
  // Code-point index of byte offset `byte` (clamped to the string end).
  size_t ToCodePoint(size_t byte) const;

 private:
  std::vector<size_t> prefix_;  // code points before each byte offset
};

// Unicode character classes of a code point (ICU properties).
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);
bool IsDash(char32_t c);        // hyphen, en dash, em dash, minus
bool IsApostrophe(char32_t c);  // ' and ’

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_UTF8_H_
