#include "common/syntax/word_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "absl/strings/ascii.h"
#include "common/learn/features.h"

namespace claims::syntax {
namespace {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point at text[*i], advancing *i past it (U+FFFD for a bad
// sequence).
UChar32 NextCodePoint(absl::string_view text, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos,
          static_cast<int32_t>(text.size()), c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// Letters of any script by case ("Ōhashi" is "Xx" like "Ohashi"); other
// non-ASCII characters 'u'.
char ShapeClass(UChar32 c) {
  if (c < 0x80) {
    if (absl::ascii_isupper(c)) return 'X';
    if (absl::ascii_islower(c)) return 'x';
    if (absl::ascii_isdigit(c)) return 'd';
    return static_cast<char>(c);
  }
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_islower(c)) return 'x';
  return 'u';
}

}  // namespace

std::string NormalizeWord(absl::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      c = '0';
    } else {
      c = absl::ascii_tolower(static_cast<unsigned char>(c));
    }
  }
  return out;
}

std::string WordShape(absl::string_view form) {
  std::string shape;
  for (size_t i = 0; i < form.size();) {
    const char cls = ShapeClass(NextCodePoint(form, &i));
    if (shape.empty() || shape.back() != cls) shape.push_back(cls);
  }
  return shape;
}

absl::string_view LastChars(absl::string_view text, int n) {
  size_t pos = text.size();
  while (n > 0 && pos > 0) {
    --pos;
    while (pos > 0 && IsContinuation(static_cast<unsigned char>(text[pos]))) --pos;
    --n;
  }
  return text.substr(pos);
}

absl::string_view FirstChars(absl::string_view text, int n) {
  size_t pos = 0;
  while (n > 0 && pos < text.size()) {
    ++pos;
    while (pos < text.size() && IsContinuation(static_cast<unsigned char>(text[pos]))) ++pos;
    --n;
  }
  return text.substr(0, pos);
}

void AddSpellingFeatures(const WordHashes& w, uint32_t first, int suffixes,
                         learn::FeatureVector* f) {
  uint32_t t = first;
  f->Add(t++, w.lower);
  f->Add(t++, w.form);
  f->Add(t++, w.shape);
  for (uint64_t prefix : w.prefix) f->Add(t++, prefix);
  for (int i = 0; i < suffixes && i < 5; ++i) f->Add(t++, w.suffix[i]);
}

WordHashes HashWord(absl::string_view form) {
  WordHashes h;
  const std::string lower = NormalizeWord(form);
  h.form = learn::HashString(form);
  h.lower = learn::HashString(lower);
  h.shape = learn::HashString(WordShape(form));
  for (int i = 0; i < 3; ++i) h.prefix[i] = learn::HashString(FirstChars(lower, i + 1));
  for (int i = 0; i < 5; ++i) h.suffix[i] = learn::HashString(LastChars(lower, i + 1));
  int letters = 0, lowers = 0;
  for (size_t i = 0; i < form.size();) {
    const UChar32 c = NextCodePoint(form, &i);
    if (u_isalpha(c)) {
      ++letters;
      if (u_islower(c)) ++lowers;
      if (letters == 1) h.capitalized = u_isupper(c) || u_istitle(c);
    }
    if (c < 0x80 && absl::ascii_isdigit(c)) h.has_digit = true;
    if (c == '-') h.has_hyphen = true;
  }
  h.all_caps = letters >= 2 && lowers == 0;
  return h;
}

}  // namespace claims::syntax
