// Words of personal names that are no names themselves, shared by the
// extractor (tokens as written) and the store's cross-article identity
// (folded words).
//
// Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_UTIL_NAME_WORDS_H_
#define CLAIMS_COMMON_UTIL_NAME_WORDS_H_

#include "absl/strings/string_view.h"

namespace claims {

// "Jr", "Sr" (with or without the full stop) or a Roman numeral of a
// name's generation ("II" to "IV"), in any case: it tells a son from his
// father ("Benigno Aquino Jr.", "Benigno Aquino III").
bool IsGenerationalSuffix(absl::string_view word);

// "Sr" or "Snr" (with or without the full stop), in any case: the father's.
bool IsSeniorSuffix(absl::string_view word);

// Head nouns of organisations' names in English, as written ("...
// Institute", "... University", "... Orthodox Church"), and family firms'
// "Brothers" in a few languages ("Lehman Brothers", "Riquelme Hermanos"),
// general knowledge. Left out: words that also end place names ("Bank" of
// West Bank, "Centre", "Union", "Party" of names the knowledge base lists
// whole).
bool IsOrganisationHead(absl::string_view word);

}  // namespace claims

#endif  // CLAIMS_COMMON_UTIL_NAME_WORDS_H_
