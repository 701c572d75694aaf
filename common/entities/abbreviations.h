// Abbreviation definitions: "the Hau Giang Pangasius Farmers' Association
// (HPFA)" defines HPFA, and its long form is one name, whatever pieces the
// entity tagger cut it into ("Hau Giang Pangasius" | "Association").
//
// The long form is found as Schwartz & Hearst (2003, "A simple algorithm
// for identifying abbreviation definitions in biomedical text") find it:
// the shortest run of words before the bracket whose characters hold the
// short form's letters in order, the first letter at the start of a word,
// within min(|A| + 5, 2|A|) words. Here the run must also read as a name:
// it begins and ends with a capitalised word and has no clause punctuation,
// so "said on Tuesday (ET)" defines nothing.
//
// Stateless; thread-safe.
#ifndef CLAIMS_COMMON_ENTITIES_ABBREVIATIONS_H_
#define CLAIMS_COMMON_ENTITIES_ABBREVIATIONS_H_

#include <optional>
#include <vector>

#include "common/entities/entity_types.h"
#include "common/syntax/syntax_types.h"

namespace claims::entities {

// A definition: words [begin, end) are the long form of the short form at
// word `short_form` (between brackets right after the long form).
struct AbbreviationDefinition {
  int begin = 0;
  int end = 0;
  int short_form = 0;
};

// The definition whose bracket opens at word `open`, if there is one.
std::optional<AbbreviationDefinition> FindDefinition(const syntax::SyntaxSentence& words,
                                                     int open);

// Makes each defined long form of the sentence one name: the tagger's
// names inside it or crossing its brackets give way to one span, of their
// common type when they agree and reach both its ends, else an
// organisation (most bracketed acronyms name one). A name that is exactly
// the long form, or exactly the short form, stays as it is; none changes
// when a name begins before the long form. `names` stays sorted.
void JoinDefinedNames(const syntax::SyntaxSentence& words, std::vector<EntitySpan>* names);

}  // namespace claims::entities

#endif  // CLAIMS_COMMON_ENTITIES_ABBREVIATIONS_H_
