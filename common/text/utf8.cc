#include "common/text/utf8.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace claims::text {

absl::Status ValidateText(absl::string_view s, absl::string_view what) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  if (s.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError(absl::StrCat(what, " is too large"));
  }
  int32_t i = 0;
  while (i < n) {
    if (p[i] >= 0x20 && p[i] < 0x7f) {  // printable ASCII: most of any text
      ++i;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": invalid UTF-8 at byte ", at));
    }
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
                          c != '\f') ||
                         (c >= 0x7f && c <= 0x9f);
    if (control) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, ": binary data (control character U+",
          absl::Hex(c, absl::kZeroPad4), ") at byte ", at));
    }
  }
  return absl::OkStatus();
}

std::string ToLower(absl::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return absl::AsciiStrToLower(s);
  }
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

namespace internal {

char32_t DecodeAtSlow(absl::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(j) - i;
  if (*len == 0) *len = 1;
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t DecodeBeforeSlow(absl::string_view s, size_t i, size_t* len) {
  if (i == 0) {
    *len = 0;
    return 0;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, j, c);
  *len = i - static_cast<size_t>(j);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool IsLetterSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsUpperSlow(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsLowerSlow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsSpaceSlow(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

}  // namespace internal

CodePointIndex::CodePointIndex(absl::string_view s) : prefix_(s.size() + 1) {
  size_t cp = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    prefix_[i] = cp;
    if ((static_cast<uint8_t>(s[i]) & 0xC0) != 0x80) ++cp;
  }
  prefix_[s.size()] = cp;
}

size_t CodePointIndex::ToCodePoint(size_t byte) const {
  if (byte >= prefix_.size()) return prefix_.back();
  return prefix_[byte];
}

bool IsDash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace claims::text
