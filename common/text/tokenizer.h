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

// The number of tokens of a dateline opening a sentence's tokens, its dash
// included ("KYIV, July 15 (Reuters) -", "MADRID -"): a place in capitals,
// then capitalised words, numbers and punctuation up to a dash among the
// first 16 tokens; 0 when the sentence opens with none. A dateline names
// the place and agency of the story, not a part of the sentence after it.
int DatelineLength(const std::vector<Token>& tokens);

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_TOKENIZER_H_
