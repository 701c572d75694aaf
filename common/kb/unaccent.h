// Removing diacritics from Latin names, so spellings with and without them
// meet: "Erdoğan" -> "Erdogan", "Wałęsa" -> "Walesa", "Chávez" -> "Chavez".
// Covers Latin-1 Supplement, Latin Extended-A and the Romanian comma
// letters; other characters are kept as they are. Case is kept.
//
// Pure function; thread-safe.
#ifndef CLAIMS_COMMON_KB_UNACCENT_H_
#define CLAIMS_COMMON_KB_UNACCENT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

std::string StripDiacritics(absl::string_view text);

// The other common ASCII spelling, where a letter has a conventional
// digraph: "Đukanović" -> "Djukanovic" (Serbo-Croatian), "Müller" ->
// "Mueller", "Schröder" -> "Schroeder" (German), "Søren" -> "Soeren",
// "Håkon" -> "Haakon" (Scandinavian); the rest as StripDiacritics. Equal to
// StripDiacritics(text) when the text has none of those letters.
std::string DigraphSpelling(absl::string_view text);

}  // namespace claims

#endif  // CLAIMS_COMMON_KB_UNACCENT_H_
