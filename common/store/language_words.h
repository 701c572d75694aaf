// Words of the English language (WordNet's lemmas and the common-word list
// of knowledge/extract), to tell a name ("Nordhav", "Quispe") from a word
// that many names begin with ("National", "United", "Green"); the legal
// forms of company names, which news leaves out when it shortens one; the
// short forms of given names ("Tim" of "Timothy"); and given names.
//
// The lists are compiled in rather than read from --lexicon_dir: identity
// decisions are replayed by replicas (see claim_store.cc), which must decide
// as the writer did whatever they were started with.
#ifndef CLAIMS_COMMON_STORE_LANGUAGE_WORDS_H_
#define CLAIMS_COMMON_STORE_LANGUAGE_WORDS_H_

#include <string_view>

namespace claims::store_internal {

// True when `folded_word` (one word of FoldName's output) is a word of the
// language. Thread-safe.
bool IsLanguageWord(std::string_view folded_word);

// True when `folded_word` is a company's legal form ("pt", "ltd", "ag";
// knowledge/extract/legal_forms.txt). Thread-safe.
bool IsLegalForm(std::string_view folded_word);

// The given name a short form stands for ("tim" -> "timothy";
// knowledge/extract/nicknames.tsv), else the word itself. Thread-safe.
std::string_view FullGivenName(std::string_view folded_word);

// True when `folded_word` is usually a given name ("ali", "maria";
// knowledge/extract/given_name_genders.tsv). Thread-safe.
bool IsGivenName(std::string_view folded_word);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_LANGUAGE_WORDS_H_
