// Language identification of article text, with Compact Language Detector 2
// (Debian's libcld2).
//
//   DetectedLanguage lang = DetectLanguage(text);
//   if (lang.reliable && lang.code != "en") ...
//
// Thread-safe (CLD2's tables are read-only).
#ifndef CLAIMS_COMMON_TEXT_LANGUAGE_H_
#define CLAIMS_COMMON_TEXT_LANGUAGE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims::text {

struct DetectedLanguage {
  // ISO 639-1 code ("en", "fr"; CLD2's code where there is none); "und"
  // when the text gives nothing to go on.
  std::string code = "und";
  // English name of the language ("French"); "" for "und".
  std::string name;
  // CLD2's judgement that the text is long and clear enough.
  bool reliable = false;
  // Share of the text in this language, 0..100.
  int percent = 0;
};

// `text` must be valid UTF-8 (plain text, not markup).
DetectedLanguage DetectLanguage(absl::string_view text);

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_LANGUAGE_H_
