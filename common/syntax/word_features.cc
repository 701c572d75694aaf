#include "common/syntax/word_features.h"

#include "absl/strings/ascii.h"
#include "common/learn/features.h"

namespace claims::syntax {
namespace {

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

char ShapeClass(unsigned char c) {
  if (absl::ascii_isupper(c)) return 'X';
  if (absl::ascii_islower(c)) return 'x';
  if (absl::ascii_isdigit(c)) return 'd';
  if (c >= 0x80) return 'u';  // any non-ASCII byte: letters of other scripts
  return static_cast<char>(c);
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
  for (unsigned char c : form) {
    if (IsContinuation(c)) continue;
    const char cls = ShapeClass(c);
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
  for (unsigned char c : form) {
    if (absl::ascii_isalpha(c)) {
      ++letters;
      if (absl::ascii_islower(c)) ++lowers;
      if (letters == 1) h.capitalized = absl::ascii_isupper(c);
    }
    if (absl::ascii_isdigit(c)) h.has_digit = true;
    if (c == '-') h.has_hyphen = true;
  }
  h.all_caps = letters >= 2 && lowers == 0;
  return h;
}

}  // namespace claims::syntax
