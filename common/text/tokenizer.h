// Word tokenization of one sentence into byte spans.
//
// Splits on white space, then peels punctuation off word edges. Keeps
// abbreviations and initials whole ("U.S.", "J.D.", "Mr."), hyphenated and
// apostrophe words whole ("Ben-Gvir", "Sana'a"), and splits the possessive
// clitic ("Iran's" -> "Iran" "'s", also with ’). Dashes and slashes between
// words are tokens of their own ("Dietsch/Getty", "Gaza—Israel").
//
//   for (const Token& t : Tokenize(body, sentence.start, sentence.end)) ...
#ifndef CLAIMS_COMMON_TEXT_TOKENIZER_H_
#define CLAIMS_COMMON_TEXT_TOKENIZER_H_

#include <cstddef>
#include "absl/strings/string_view.h"
#include <vector>

#include <string>

#include "absl/container/flat_hash_set.h"

namespace claims::text {

struct Token {
  size_t start = 0;  // byte offsets into the tokenized text
  size_t end = 0;
  absl::string_view text;
  std::string lower;        // `text` in ASCII lower case, made once
  bool is_word = false;     // contains a letter
  bool is_number = false;   // starts with a digit
  bool capitalized = false; // first letter upper case
  bool all_caps = false;    // every letter upper case (and >= 2 letters)
  bool possessive = false;  // the clitic "'s" / "’s" / "'"
};

// Tokens of text[begin, end). At most `max_tokens` are returned (bounded
// work on hostile input).
std::vector<Token> Tokenize(absl::string_view text, size_t begin, size_t end,
                            size_t max_tokens = 400,
                            const absl::flat_hash_set<std::string>* abbreviations = nullptr);

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_TOKENIZER_H_
