#include "common/kb/name_skeleton.h"

#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/kb/unaccent.h"

namespace claims {
namespace {

// Digraphs and letters that romanisations of one sound differ in, folded
// in this order (so "ckh" and "sch" come out right).
constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
    {"sch", "s"}, {"tch", "c"}, {"ph", "f"}, {"kh", "k"}, {"gh", "g"},
    {"dh", "d"}, {"th", "t"},  {"zh", "j"}, {"dj", "j"}, {"sh", "s"},
    {"ch", "c"}, {"ck", "k"},  {"q", "k"},  {"x", "ks"}, {"w", "v"},
    {"z", "s"}};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// One lower-case ASCII word folded (see the header).
std::string FoldPart(std::string w) {
  for (const auto& [from, to] : kFolds) {
    for (size_t at = w.find(from); at != std::string::npos;
         at = w.find(from, at + to.size())) {
      w.replace(at, from.size(), to);
    }
  }
  // Gaddafi / Kadhafi / Qaddafi: a velar first letter is written either way.
  if (!w.empty() && (w[0] == 'g' || w[0] == 'c')) w[0] = 'k';
  std::string out;
  for (char c : w) {
    const char folded = IsVowel(c) ? 'a' : c;
    if (!out.empty() && out.back() == folded) continue;  // doubled, vowel runs
    out.push_back(folded);
  }
  return out;
}

}  // namespace

bool IsArabicArticle(absl::string_view lower) { return lower == "al" || lower == "el"; }

absl::string_view WithoutArabicArticle(absl::string_view word) {
  if (word.size() > 4 && (word[2] == '-' || word[2] == ' ')) {
    if (IsArabicArticle(absl::AsciiStrToLower(word.substr(0, 2)))) return word.substr(3);
  }
  return word;
}

std::string NameSkeleton(absl::string_view name) {
  const std::string plain = StripDiacritics(name);
  std::string out;
  for (absl::string_view token :
       absl::StrSplit(plain, absl::ByAnyChar(" -'\t"), absl::SkipEmpty())) {
    // "ElBaradei": the article written onto a capitalised name.
    if (token.size() > 3 && (absl::StartsWith(token, "El") || absl::StartsWith(token, "Al")) &&
        absl::ascii_isupper(static_cast<unsigned char>(token[2]))) {
      token.remove_prefix(2);
    }
    std::string lower;
    for (char c : token) {
      if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
        lower.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
    }
    if (lower.empty() || IsArabicArticle(lower)) continue;
    if (lower == "ibn" || lower == "ben") lower = "bin";
    if (!out.empty()) out.push_back(' ');
    out += FoldPart(std::move(lower));
  }
  return out;
}

int SkeletonLetters(absl::string_view skeleton) {
  int n = 0;
  for (char c : skeleton) n += c != ' ';
  return n;
}

}  // namespace claims
