#include "common/kb/unaccent.h"

#include "absl/strings/str_replace.h"

namespace claims {
namespace {

// ASCII for U+00C0..U+017F ("" = keep the character: the signs × and ÷).
// Generated with Python's unicodedata (NFKD without combining marks) plus
// the letters that have no decomposition (Æ, Ð, Ø, Þ, ß, Đ, Ħ, ı, Ł, Ŋ, Œ,
// Ŧ, ...).
constexpr const char* kLatin[192] = {
    "A", "A", "A",  "A",  "A", "A", "AE", "C",  "E", "E", "E",  "E", "I", "I",
    "I", "I", "D",  "N",  "O", "O", "O",  "O",  "O", "",  "O",  "U", "U", "U",
    "U", "Y", "TH", "ss", "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e",
    "e", "e", "i",  "i",  "i", "i", "d",  "n",  "o", "o", "o",  "o", "o", "",
    "o", "u", "u",  "u",  "u", "y", "th", "y",  "A", "a", "A",  "a", "A", "a",
    "C", "c", "C",  "c",  "C", "c", "C",  "c",  "D", "d", "D",  "d", "E", "e",
    "E", "e", "E",  "e",  "E", "e", "E",  "e",  "G", "g", "G",  "g", "G", "g",
    "G", "g", "H",  "h",  "H", "h", "I",  "i",  "I", "i", "I",  "i", "I", "i",
    "I", "i", "IJ", "ij", "J", "j", "K",  "k",  "k", "L", "l",  "L", "l", "L",
    "l", "L", "l",  "L",  "l", "N", "n",  "N",  "n", "N", "n",  "n", "N", "n",
    "O", "o", "O",  "o",  "O", "o", "OE", "oe", "R", "r", "R",  "r", "R", "r",
    "S", "s", "S",  "s",  "S", "s", "S",  "s",  "T", "t", "T",  "t", "T", "t",
    "U", "u", "U",  "u",  "U", "u", "U",  "u",  "U", "u", "U",  "u", "W", "w",
    "Y", "y", "Y",  "Z",  "z", "Z", "z",  "Z",  "z", "s",
};

}  // namespace

std::string StripDiacritics(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xC3 && c <= 0xC8 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      const unsigned cp = ((c & 0x1Fu) << 6) |
                          (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      const char* ascii = nullptr;
      if (cp >= 0xC0 && cp < 0x180) ascii = kLatin[cp - 0xC0];
      if (cp == 0x218) ascii = "S";
      if (cp == 0x219) ascii = "s";
      if (cp == 0x21A) ascii = "T";
      if (cp == 0x21B) ascii = "t";
      if (ascii != nullptr && *ascii != '\0') {
        out += ascii;
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string DigraphSpelling(absl::string_view text) {
  return StripDiacritics(absl::StrReplaceAll(
      text, {{"\u0110", "Dj"}, {"\u0111", "dj"}, {"\u00C4", "Ae"}, {"\u00E4", "ae"},
             {"\u00D6", "Oe"}, {"\u00F6", "oe"}, {"\u00DC", "Ue"}, {"\u00FC", "ue"},
             {"\u00D8", "Oe"}, {"\u00F8", "oe"}, {"\u00C5", "Aa"}, {"\u00E5", "aa"}}));
}

}  // namespace claims
