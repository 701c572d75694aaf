// Hashed spelling features of one word, computed once per word and shared
// by every model that looks at words (tagger, lemmatizer, parser, entity
// tagger).
//
//   WordHashes h = HashWord("Netanyahu's");
//   features.Add(kLower, h.lower);
//
// Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_SYNTAX_WORD_FEATURES_H_
#define CLAIMS_COMMON_SYNTAX_WORD_FEATURES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "common/learn/features.h"

namespace claims::syntax {

struct WordHashes {
  uint64_t form = 0;    // as written
  uint64_t lower = 0;   // NormalizeWord(form)
  uint64_t shape = 0;   // WordShape(form)
  uint64_t prefix[3] = {};  // first 1, 2, 3 characters of `lower`
  uint64_t suffix[5] = {};  // last 1..5 characters of `lower`
  bool capitalized = false;  // first letter upper case (any script: "Ōhashi")
  bool all_caps = false;     // two or more letters, none lower case
  bool has_digit = false;
  bool has_hyphen = false;
};

WordHashes HashWord(absl::string_view form);

// Adds a word's spelling features under consecutive template ids from
// `first`: lower-case form, form, shape, prefixes of 1-3 and suffixes of
// 1-`suffixes` characters (at most 5).
void AddSpellingFeatures(const WordHashes& w, uint32_t first, int suffixes,
                         learn::FeatureVector* f);

// ASCII lower case with every digit made '0' ("Q3-2024" -> "q0-0000"), so
// numbers of one shape share their features.
std::string NormalizeWord(absl::string_view form);

// Character classes with runs collapsed: "Netanyahu" -> "Xx", "U.S." ->
// "X.X.", "2,500" -> "d,d", "al-Ani" -> "x-Xx"; letters of any script by
// case ("Ōhashi" -> "Xx", "café" -> "x"), other non-ASCII characters 'u'.
std::string WordShape(absl::string_view form);

// The last `n` characters (UTF-8 code points) of `text`, or all of it.
absl::string_view LastChars(absl::string_view text, int n);
// The first `n` characters (UTF-8 code points) of `text`, or all of it.
absl::string_view FirstChars(absl::string_view text, int n);

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_WORD_FEATURES_H_
