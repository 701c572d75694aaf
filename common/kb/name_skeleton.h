// Transliteration-tolerant keys for personal names, so that the spellings
// of one name in different romanisations meet:
//
//   NameSkeleton("Mahmoud Ahmadinejad")  == NameSkeleton("Mahmud Ahmadinezhad")
//   NameSkeleton("Muammar el-Qaddafi")   == NameSkeleton("Muammar Gaddafi")
//   NameSkeleton("Osama bin Laden")      == NameSkeleton("Usama bin Laden")
//   NameSkeleton("Zelenskiy")            == NameSkeleton("Zelenskyy")
//
// The key drops diacritics, case, hyphens and the Arabic article ("al-",
// "el-", "ElBaradei"), folds consonant digraphs that English, French and
// German romanisations write differently (kh/k, dh/d, zh/j, ph/f, sh/s,
// q/k, initial g/k/c ...), collapses doubled letters and turns every run of
// vowels (y included) into one "a". It is deliberately coarse: callers use
// it only as a last resort after exact lookups, and only against people
// the knowledge base knows.
//
// Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_KB_NAME_SKELETON_H_
#define CLAIMS_COMMON_KB_NAME_SKELETON_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// The skeleton of a name: one folded part per word, separated by single
// spaces ("Muammar el-Qaddafi" -> "mamar kadafa"); "" when no part is left.
std::string NameSkeleton(absl::string_view name);

// Letters in a skeleton (spaces not counted): short keys ("li", "asad")
// match too many names to be trusted.
int SkeletonLetters(absl::string_view skeleton);

// The Arabic article as romanised, lower case, written as a separate word
// ("Muammar el Qaddafi", "Khaled Al Mansouri") or before a hyphen. Only
// "al" and "el": its assimilated forms ("ad-", "as-", "an-") are also given
// names and words of other languages ("Ed Miliband" is not "Miliband").
bool IsArabicArticle(absl::string_view lower);

// `word` without a leading Arabic article ("al-Mansouri", "El-Sisi" ->
// "Mansouri", "Sisi"); `word` itself when it has none or nothing follows.
absl::string_view WithoutArabicArticle(absl::string_view word);

}  // namespace claims

#endif  // CLAIMS_COMMON_KB_NAME_SKELETON_H_
