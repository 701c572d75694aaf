// UTF-8 helpers: validation of untrusted text, decoding, and conversion of
// byte offsets to code-point offsets (what the evaluation format uses).
#ifndef CLAIMS_COMMON_TEXT_UTF8_H_
#define CLAIMS_COMMON_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claims::text {

// OK when `s` is well-formed UTF-8 holding no binary data: no NUL and no C0/C1
// control characters other than tab, line feed, carriage return and form
// feed. Otherwise INVALID_ARGUMENT naming `what` and the byte offset.
[[nodiscard]] absl::Status ValidateText(absl::string_view s,
                                        absl::string_view what);

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; sets *len
// to its byte length. Returns U+FFFD for ill-formed input (len >= 1).
inline char32_t DecodeAt(absl::string_view s, size_t i, size_t* len);

// Code point just before byte `i` (0 when i == 0); sets *len.
inline char32_t DecodeBefore(absl::string_view s, size_t i, size_t* len);

// Maps byte offsets of a UTF-8 string to code-point indices.
class CodePointIndex {
 public:
  explicit CodePointIndex(absl::string_view s);
  // Code-point index of byte offset `byte` (clamped to the string end).
  size_t ToCodePoint(size_t byte) const;

 private:
  std::vector<size_t> prefix_;  // code points before each byte offset
};

// Unicode character classes of a code point (ICU properties). ASCII is
// answered from a table (most text is ASCII), the rest by ICU.
inline bool IsLetter(char32_t c);
inline bool IsUpper(char32_t c);  // upper or title case
inline bool IsLower(char32_t c);
inline bool IsDigit(char32_t c);
inline bool IsSpace(char32_t c);  // Unicode White_Space
bool IsDash(char32_t c);        // hyphen, en dash, em dash, minus
// `s` in lower case, in any script ("Ōhashi" -> "ōhashi"); ASCII text is
// lowered without ICU.
std::string ToLower(absl::string_view s);
bool IsApostrophe(char32_t c);  // ' and ’

namespace internal {

// Out-of-line slow paths: multi-byte UTF-8 and non-ASCII code points.
char32_t DecodeAtSlow(absl::string_view s, size_t i, size_t* len);
char32_t DecodeBeforeSlow(absl::string_view s, size_t i, size_t* len);
bool IsLetterSlow(char32_t c);
bool IsUpperSlow(char32_t c);
bool IsLowerSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsSpaceSlow(char32_t c);

// Classes of the ASCII code points, as ICU defines them (utf8_test checks
// the table against ICU).
enum AsciiClass : unsigned char {
  kAsciiLetter = 1,
  kAsciiUpper = 2,
  kAsciiLower = 4,
  kAsciiDigit = 8,
  kAsciiSpace = 16,
};

constexpr unsigned char AsciiClassOf(char32_t c) {
  if (c >= 'A' && c <= 'Z') return kAsciiLetter | kAsciiUpper;
  if (c >= 'a' && c <= 'z') return kAsciiLetter | kAsciiLower;
  if (c >= '0' && c <= '9') return kAsciiDigit;
  if ((c >= 0x09 && c <= 0x0D) || c == ' ') return kAsciiSpace;
  return 0;
}

struct AsciiClassTable {
  unsigned char v[128];
  constexpr AsciiClassTable() : v() {
    for (char32_t c = 0; c < 128; ++c) v[c] = AsciiClassOf(c);
  }
};
inline constexpr AsciiClassTable kAsciiClasses;

}  // namespace internal

inline char32_t DecodeAt(absl::string_view s, size_t i, size_t* len) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
    *len = 1;
    return static_cast<unsigned char>(s[i]);
  }
  return internal::DecodeAtSlow(s, i, len);
}

inline char32_t DecodeBefore(absl::string_view s, size_t i, size_t* len) {
  if (i > 0 && i <= s.size() && static_cast<unsigned char>(s[i - 1]) < 0x80) {
    *len = 1;
    return static_cast<unsigned char>(s[i - 1]);
  }
  return internal::DecodeBeforeSlow(s, i, len);
}

inline bool IsLetter(char32_t c) {
  return c < 128 ? (internal::kAsciiClasses.v[c] & internal::kAsciiLetter) != 0
                 : internal::IsLetterSlow(c);
}
inline bool IsUpper(char32_t c) {
  return c < 128 ? (internal::kAsciiClasses.v[c] & internal::kAsciiUpper) != 0
                 : internal::IsUpperSlow(c);
}
inline bool IsLower(char32_t c) {
  return c < 128 ? (internal::kAsciiClasses.v[c] & internal::kAsciiLower) != 0
                 : internal::IsLowerSlow(c);
}
inline bool IsDigit(char32_t c) {
  return c < 128 ? (internal::kAsciiClasses.v[c] & internal::kAsciiDigit) != 0
                 : internal::IsDigitSlow(c);
}
inline bool IsSpace(char32_t c) {
  return c < 128 ? (internal::kAsciiClasses.v[c] & internal::kAsciiSpace) != 0
                 : internal::IsSpaceSlow(c);
}

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_UTF8_H_
